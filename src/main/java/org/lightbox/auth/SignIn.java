package org.lightbox.auth;

import org.lightbox.domain.Actor;

/**
 * Checks a username and password and returns who signed in. Standalone, the local accounts decide
 * ({@link Authenticator}); with a central store, the sync's sign-in asks the server first.
 */
@FunctionalInterface
public interface SignIn {
    Actor signIn(String username, char[] password);

    /**
     * Runs the password check's key derivation once on nothing, while the sign-in screen waits for
     * the user: its first run is interpreted (about three times slower than once compiled), and
     * the typing hides it. Off the UI thread; a failure is of no consequence.
     */
    default void warmUp() {
    }
}
