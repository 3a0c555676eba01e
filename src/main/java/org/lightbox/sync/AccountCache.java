package org.lightbox.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.store.Sql;

/**
 * With a central store, its accounts are the authority and the local users table is their cache:
 * same ids, names and roles, and for whoever signed in here, a verifier (a PBKDF2 hash, never the
 * password) that lets them sign in while the server is out of reach. An account deactivated or removed on
 * the central store is deactivated here at the next pull; an account made here and never seen there does
 * not sign in while the server is out of reach.
 */
final class AccountCache {
    /** Stored where a verifier would be for accounts that never signed in here: it matches no password. */
    static final String NO_VERIFIER = "central:no-verifier";

    private final AuditLog audit;
    private final Clock clock;

    AccountCache(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Caches an account as the central store has it, active or not; {@code verifier} null keeps the one
     * already cached (an account pulled, not signed in).
     */
    void store(Connection tx, String id, String username, String displayName, Set<Role> roles, String verifier, boolean active)
            throws SQLException {
        String name = username.strip().toLowerCase(Locale.ROOT);
        Optional<String> sameName = Sql.one(tx, "SELECT id FROM app_user WHERE username = ?", r -> r.getString(1), name);
        if (sameName.isPresent() && !sameName.get().equals(id)) {
            // A local account from before the central store was configured: the central one supersedes it.
            // It is kept (requests and audit events name it) but renamed and disabled.
            Sql.update(tx, "UPDATE app_user SET username = ?, active = 0, updated_at = ? WHERE id = ?",
                    name + "~local-" + sameName.get().substring(0, Math.min(6, sameName.get().length())), clock.instant(),
                    sameName.get());
        }
        Optional<Boolean> wasActive = Sql.one(tx, "SELECT active FROM app_user WHERE id = ?", r -> r.getInt(1) == 1, id);
        if (wasActive.isPresent()) {
            Sql.update(tx, "UPDATE app_user SET username = ?, display_name = ?, active = ?, central = 1, updated_at = ?,"
                    + " password_hash = COALESCE(?, password_hash) WHERE id = ?", name, displayName, active ? 1 : 0, clock.instant(),
                    verifier, id);
            if (wasActive.get() && !active) {
                audit.append(tx, Actor.SYSTEM, SyncAction.ACCOUNT_DEACTIVATED, "User", id, Map.of("username", name,
                        "reason", "deactivated on the central store"));
            }
        } else {
            Sql.update(tx, "INSERT INTO app_user(id, username, display_name, password_hash, active, central, created_at,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)", id, name, displayName, verifier == null ? NO_VERIFIER : verifier,
                    active ? 1 : 0, clock.instant(), clock.instant());
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
    int syncRoles(Connection tx, Map<String, Set<Role>> rolesByUser) throws SQLException {
        int changed = 0;
        for (String id : Sql.list(tx, "SELECT id FROM app_user WHERE central = 1 AND active = 1", r -> r.getString(1))) {
            Set<Role> wanted = rolesByUser.getOrDefault(id, Set.of());
            Set<Role> held = EnumSet.noneOf(Role.class);
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

    /**
     * Accounts cached from the central store that it no longer has are deactivated (kept: requests and
     * audit events name them). {@code onServer} must hold the reader's own id, or the list is not trusted.
     */
    int deactivateRemoved(Connection tx, Set<String> onServer, String readerId) throws SQLException {
        if (!onServer.contains(readerId)) {
            return 0;
        }
        int removed = 0;
        for (String id : Sql.list(tx, "SELECT id FROM app_user WHERE central = 1 AND active = 1", r -> r.getString(1))) {
            if (!onServer.contains(id)) {
                Sql.update(tx, "UPDATE app_user SET active = 0, updated_at = ? WHERE id = ?", clock.instant(), id);
                audit.append(tx, Actor.SYSTEM, SyncAction.ACCOUNT_DEACTIVATED, "User", id,
                        Map.of("reason", "removed from the central store"));
                removed++;
            }
        }
        return removed;
    }

    /** Whether this account may sign in while the central store is out of reach: cached from it, active, with a verifier. */
    boolean usableOffline(Connection c, String username) throws SQLException {
        return Sql.count(c, "SELECT count(*) FROM app_user WHERE username = ? AND central = 1 AND active = 1"
                + " AND password_hash <> ?", username.strip().toLowerCase(Locale.ROOT), NO_VERIFIER) > 0;
    }

    /** The central store no longer accepts this password: the cached verifier must not let it in offline either. */
    void forgetVerifier(Connection tx, String username) throws SQLException {
        Sql.update(tx, "UPDATE app_user SET password_hash = ? WHERE username = ?", NO_VERIFIER,
                username.strip().toLowerCase(Locale.ROOT));
    }
}
