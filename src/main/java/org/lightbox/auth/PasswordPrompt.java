package org.lightbox.auth;

import java.io.PrintWriter;

/** A password for a headless command, as {@link TerminalCredentials#password(String)} gets it. */
public final class PasswordPrompt {
    public static final String ENVIRONMENT_VARIABLE = TerminalCredentials.PASSWORD_VARIABLE;

    private PasswordPrompt() {
    }

    public static char[] read(String forWhom, PrintWriter err) {
        return TerminalCredentials.of(err).password(forWhom);
    }
}
