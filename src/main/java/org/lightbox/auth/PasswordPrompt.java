package org.lightbox.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A password for a headless command: from the LIGHTBOX_PASSWORD environment variable (scripts, CI),
 * else typed at the terminal without echo, else one line of standard input. Never a command-line
 * argument, which other users of the machine could read in the process list.
 */
public final class PasswordPrompt {
    public static final String ENVIRONMENT_VARIABLE = "LIGHTBOX_PASSWORD";

    private PasswordPrompt() {
    }

    public static char[] read(String forWhom, PrintWriter err) {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password for %s: ", forWhom);
            return typed == null ? new char[0] : typed;
        }
        err.println("Reading the password for " + forWhom + " from standard input (or set " + ENVIRONMENT_VARIABLE + ")");
        err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            return new char[0];
        }
    }
}
