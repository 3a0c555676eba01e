package org.lightbox.sync;

import java.util.Map;
import java.util.Set;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.auth.SignInRefusedException;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.store.Database;

/**
 * Signs in on the central store and caches the account here: its id, roles, and a verifier of the
 * password (a PBKDF2 hash, never the password) for signing in while the server is out of reach.
 */
public final class CentralAccounts {
    private final Database database;
    private final PasswordHasher hasher;
    private final AccountCache cache;
    private final AuditLog audit;

    CentralAccounts(Database database, PasswordHasher hasher, AccountCache cache, AuditLog audit) {
        this.database = database;
        this.hasher = hasher;
        this.cache = cache;
        this.audit = audit;
    }

    public CentralSession signIn(CentralStoreClient client, String username, char[] password) {
        CentralSession session = client.login(username.strip(), password);
        Set<Role> roles = CentralRoles.of(client, session, session.userId());
        String verifier = hasher.hash(password);
        database.update(tx -> cache.store(tx, session.userId(), session.username(), session.displayName(), roles, verifier, true));
        return session;
    }

    /**
     * While the central store is out of reach only its own accounts, cached here by an earlier sign-in,
     * sign in: an account made on this workstation is not one of the authority's.
     */
    void requireUsableOffline(String username) {
        if (!database.read(c -> cache.usableOffline(c, username))) {
            database.update(tx -> audit.append(tx, Actor.SYSTEM, SyncAction.OFFLINE_SIGN_IN_REFUSED, "User", "",
                    Map.of("username", username == null ? "" : username.strip())));
            throw new SignInRefusedException("The central store cannot be reached, and only its accounts that signed in on this"
                    + " workstation before may sign in without it");
        }
    }

    /** The central store said no to this password: the cached verifier must not let it in offline. */
    void forget(String username) {
        database.update(tx -> cache.forgetVerifier(tx, username));
    }
}
