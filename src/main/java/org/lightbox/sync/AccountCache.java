package org.lightbox.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.lightbox.domain.Role;
import org.lightbox.store.Sql;

/**
 * With a central store, its accounts are the authority and the local users table is their cache:
 * same ids, names and roles, and for whoever signed in here, a verifier (a PBKDF2 hash, never the
 * password) that lets them sign in while the server is out of reach.
 */
final class AccountCache {
    /** Stored where a verifier would be for accounts that never signed in here: it matches no password. */
    static final String NO_VERIFIER = "central:no-verifier";

    private final Clock clock;

    AccountCache(Clock clock) {
        this.clock = clock;
    }

    /** Caches an account; {@code verifier} null keeps the one already cached (an account pulled, not signed in). */
    void store(Connection tx, String id, String username, String displayName, Set<Role> roles, String verifier)
            throws SQLException {
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<String> sameName = Sql.one(tx, "SELECT id FROM app_user WHERE username = ?", r -> r.getString(1), name);
        if (sameName.isPresent() && !sameName.get().equals(id)) {
            // A local account from before the central store was configured: the central one supersedes it.
            // It is kept (requests and audit events name it) but renamed and disabled.
            Sql.update(tx, "UPDATE app_user SET username = ?, active = 0, updated_at = ? WHERE id = ?",
                    name + "~local-" + sameName.get().substring(0, Math.min(6, sameName.get().length())), clock.instant(),
                    sameName.get());
        }
        boolean known = Sql.count(tx, "SELECT count(*) FROM app_user WHERE id = ?", id) > 0;
        if (known) {
            Sql.update(tx, "UPDATE app_user SET username = ?, display_name = ?, active = 1, central = 1, updated_at = ?,"
                    + " password_hash = COALESCE(?, password_hash) WHERE id = ?", name, displayName, clock.instant(), verifier, id);
        } else {
            Sql.update(tx, "INSERT INTO app_user(id, username, display_name, password_hash, active, central, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)", id, name, displayName, verifier == null ? NO_VERIFIER : verifier,
                    clock.instant(), clock.instant());
        }
        if (roles != null) {
            Sql.update(tx, "DELETE FROM user_role WHERE user_id = ?", id);
            for (Role role : roles) {
                Sql.update(tx, "INSERT INTO user_role(user_id, role) VALUES (?, ?)", id, role);
            }
            if (roles.contains(Role.RADIOLOGIST)) {
                Sql.update(tx, "INSERT OR IGNORE INTO radiologist_profile(user_id) VALUES (?)", id);
            }
        }
    }

    /** Brings the cached accounts' roles in line with the central store's; returns how many accounts changed. */
    int syncRoles(Connection tx, java.util.Map<String, Set<Role>> rolesByUser) throws SQLException {
        int changed = 0;
        for (String id : Sql.list(tx, "SELECT id FROM app_user WHERE central = 1 AND active = 1", r -> r.getString(1))) {
            Set<Role> wanted = rolesByUser.getOrDefault(id, Set.of());
            Set<Role> held = java.util.EnumSet.noneOf(Role.class);
            held.addAll(Sql.list(tx, "SELECT role FROM user_role WHERE user_id = ?", r -> Role.of(r.getString(1)), id));
            if (!held.equals(wanted)) {
                Sql.update(tx, "DELETE FROM user_role WHERE user_id = ?", id);
                for (Role role : wanted) {
                    Sql.update(tx, "INSERT INTO user_role(user_id, role) VALUES (?, ?)", id, role);
                }
                if (wanted.contains(Role.RADIOLOGIST)) {
                    Sql.update(tx, "INSERT OR IGNORE INTO radiologist_profile(user_id) VALUES (?)", id);
                }
                changed++;
            }
        }
        return changed;
    }

    /** The central store no longer accepts this password: the cached verifier must not let it in offline either. */
    void forgetVerifier(Connection tx, String username) throws SQLException {
        Sql.update(tx, "UPDATE app_user SET password_hash = ? WHERE username = ?", NO_VERIFIER,
                username.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
