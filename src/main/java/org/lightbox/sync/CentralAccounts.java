package org.lightbox.sync;

import java.util.Set;
import org.lightbox.auth.PasswordHasher;
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

    CentralAccounts(Database database, PasswordHasher hasher, AccountCache cache) {
        this.database = database;
        this.hasher = hasher;
        this.cache = cache;
    }

    public CentralSession signIn(CentralStoreClient client, String username, char[] password) {
        CentralSession session = client.login(username.strip(), password);
        Set<Role> roles = CentralRoles.of(client, session, session.userId());
        String verifier = hasher.hash(password);
        database.update(tx -> cache.store(tx, session.userId(), session.username(), session.displayName(), roles, verifier));
        return session;
    }

    /** The central store said no to this password: the cached verifier must not let it in offline. */
    void forget(String username) {
        database.update(tx -> cache.forgetVerifier(tx, username));
    }
}
