package org.lightbox.sync;

import org.lightbox.auth.Authenticator;
import org.lightbox.auth.SignIn;
import org.lightbox.auth.SignInRefusedException;
import org.lightbox.auth.Unlock;
import org.lightbox.domain.Actor;

/**
 * Sign-in with a central store configured: the server decides when it answers (and the account is
 * cached here with a fresh verifier); when it cannot be reached, the cached verifier lets the person
 * in and the sign-in is confirmed with the server once it is back. Standalone, the local accounts decide.
 * Unlocking the workstation renews the session on the central store when it has expired.
 */
public final class CentralSignIn implements SignIn, Unlock {
    private final Authenticator local;
    private final SyncService sync;

    public CentralSignIn(Authenticator local, SyncService sync) {
        this.local = local;
        this.sync = sync;
    }

    @Override
    public void warmUp() {
        local.warmUp();
    }

    @Override
    public Actor signIn(String username, char[] password) {
        if (sync.settings().isEmpty()) {
            return local.signIn(username, password);
        }
        CentralSession session;
        try {
            session = sync.accounts().signIn(sync.client(), username, password);
        } catch (CentralStoreException e) {
            switch (e.kind()) {
                case WRONG_PASSWORD -> {
                    // The authority said no: an older cached verifier must not say yes.
                    sync.accounts().forget(username);
                    return local.signIn(username, password);
                }
                case REFUSED -> {
                    // A deactivated account, say: the authority refused this person, offline too.
                    sync.accounts().forget(username);
                    throw new SignInRefusedException(e.getMessage());
                }
                default -> {
                    sync.accounts().requireUsableOffline(username);
                    Actor actor = local.signIn(username, password);
                    sync.signedInOffline(username, password.clone());
                    return actor;
                }
            }
        }
        Actor actor = local.signIn(username, password);
        sync.signedIn(session);
        return actor;
    }

    @Override
    public void unlock(Actor actor, char[] password) {
        if (sync.settings().isEmpty() || sync.hasSession()) {
            local.unlock(actor, password);
            return;
        }
        CentralSession session;
        try {
            session = sync.accounts().signIn(sync.client(), actor.username(), password);
        } catch (CentralStoreException e) {
            if (e.kind() == CentralStoreException.Kind.WRONG_PASSWORD) {
                sync.accounts().forget(actor.username());
            }
            local.unlock(actor, password);
            sync.signedInOffline(actor.username(), password.clone());
            return;
        }
        local.unlock(actor, password);
        sync.signedIn(session);
    }
}
