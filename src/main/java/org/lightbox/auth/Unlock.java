package org.lightbox.auth;

import org.lightbox.domain.Actor;

/**
 * Opens the locked workstation for the signed-in user again. Standalone, the local verifier decides
 * ({@link Authenticator}); with a central store, the sync's sign-in also renews the session there.
 */
@FunctionalInterface
public interface Unlock {
    void unlock(Actor actor, char[] password);
}
