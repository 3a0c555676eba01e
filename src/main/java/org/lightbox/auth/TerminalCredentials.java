package org.lightbox.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Who signs in for a headless command, and with which password: from the environment
 * (LIGHTBOX_USERNAME, LIGHTBOX_PASSWORD; scripts, CI), else typed at the terminal (the password without
 * echo), else read a line at a time from standard input. A password is never a command-line argument,
 * which other users of the machine could read in the process list.
 */
public final class TerminalCredentials {
    public static final String USERNAME_VARIABLE = "LIGHTBOX_USERNAME";
    public static final String PASSWORD_VARIABLE = "LIGHTBOX_PASSWORD";

    private final Map<String, String> environment;
    private final Console console;
    private final PrintWriter err;
    private BufferedReader in;

    TerminalCredentials(Map<String, String> environment, Console console, PrintWriter err) {
        this.environment = environment;
        this.console = console;
        this.err = err;
    }

    /** This process's environment, terminal and standard input; prompts go to {@code err}. */
    public static TerminalCredentials of(PrintWriter err) {
        return new TerminalCredentials(System.getenv(), System.console(), err);
    }

    /** {@code given} (a --username option) if there is one, else the environment's, else asked for. */
    public String username(String given, String where) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        String fromEnvironment = environment.get(USERNAME_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (console != null) {
            String typed = console.readLine("Username on %s: ", where);
            return typed == null ? "" : typed.strip();
        }
        return line("Reading the username for " + where + " from standard input (or set " + USERNAME_VARIABLE + ")").strip();
    }

    public char[] password(String forWhom) {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (console != null) {
            char[] typed = console.readPassword("Password for %s: ", forWhom);
            return typed == null ? new char[0] : typed;
        }
        return line("Reading the password for " + forWhom + " from standard input (or set " + PASSWORD_VARIABLE + ")")
                .toCharArray();
    }

    /** One line of standard input; the reader is kept, so a username and a password can follow each other. */
    private String line(String notice) {
        err.println(notice);
        err.flush();
        if (in == null) {
            in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }
}
