package org.lightbox.auth;

import org.lightbox.domain.Actor;

/**
 * Checks a username and password and returns who signed in. Standalone, the local accounts decide
 * ({@link Authenticator}); with a central store, the sync's sign-in asks the server first.
 */
@FunctionalInterface
public interface SignIn {
    Actor signIn(String username, char[] password);
}
