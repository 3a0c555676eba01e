package org.lightbox.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Role;
import org.lightbox.domain.Text;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/** The workstation's user accounts (standalone, the authority; with a central store, its cache). */
public final class UserDirectory {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,32}");

    private static final String SELECT_USER = "SELECT id, username, display_name, active FROM app_user ";

    private final Database database;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountAuthority authority;

    /** A standalone workstation's accounts: this directory is their authority. */
    public UserDirectory(Database database, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this(database, hasher, audit, clock, AccountAuthority.LOCAL);
    }

    /** With {@code authority} saying whether a central store keeps the accounts (then local edits are refused). */
    public UserDirectory(Database database, PasswordHasher hasher, AuditLog audit, Clock clock, AccountAuthority authority) {
        this.database = database;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.authority = authority;
    }

    /** Creates an account; only an administrator (or the workstation itself on first run) may. */
    public UserAccount create(Actor actor, String username, String displayName, Set<Role> roles, char[] password) {
        actor.require(Permission.MANAGE_USERS);
        if (!actor.isSystem()) {
            requireLocalAuthority();
        }
        FormValidation form = new FormValidation();
        String name = form.field("username", () -> checkedUsername(username));
        String display = form.field("displayName", () -> Text.required(displayName, "Display name", 80));
        if (roles.isEmpty()) {
            form.reject("roles", "Choose at least one role");
        }
        PasswordRule.problemWith(password, name).ifPresent(problem -> form.reject("password", problem));
        form.throwIfInvalid();
        String hash = hasher.hash(password);
        UserAccount account = new UserAccount(Ids.newId(), name, display, roles, true);
        return database.write(tx -> {
            if (findByUsername(tx, name).isPresent()) {
                throw ValidationException.of("username", "Username " + name + " is taken");
            }
            Sql.update(tx, "INSERT INTO app_user(id, username, display_name, password_hash, active, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, 1, ?, ?)", account.id(), name, display, hash, clock.instant(), clock.instant());
            insertRoles(tx, account.id(), roles);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", name);
            details.put("roles", codes(roles));
            audit.append(tx, actor, AuthAction.USER_CREATED, "User", account.id(), details);
            return account;
        });
    }

    /** The central store's address when it keeps the accounts; empty when this workstation does. */
    public Optional<String> centralStore() {
        return authority.centralStore();
    }

    /** Gives an account exactly {@code roles}. An administrator cannot drop their own admin role, nor the last one. */
    public UserAccount changeRoles(Actor actor, String userId, Set<Role> roles) {
        actor.require(Permission.MANAGE_USERS);
        requireLocalAuthority();
        if (roles.isEmpty()) {
            throw ValidationException.of("roles", "Choose at least one role");
        }
        return database.write(tx -> {
            UserAccount before = existing(tx, userId);
            if (before.roles().equals(roles)) {
                return before;
            }
            if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                if (userId.equals(actor.userId())) {
                    throw ValidationException.of("roles", "You cannot remove your own administrator role: another administrator must");
                }
                requireAnotherActiveAdmin(tx, userId, "remove the administrator role of");
            }
            Sql.update(tx, "DELETE FROM user_role WHERE user_id = ?", userId);
            insertRoles(tx, userId, roles);
            Sql.update(tx, "UPDATE app_user SET updated_at = ? WHERE id = ?", clock.instant(), userId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", before.username());
            details.put("from", codes(before.roles()));
            details.put("to", codes(roles));
            audit.append(tx, actor, AuthAction.ROLES_CHANGED, "User", userId, details);
            return before.withRoles(roles);
        });
    }

    /** Stops an account signing in. Accounts are never deleted: requests, reports and the audit trail name them. */
    public UserAccount deactivate(Actor actor, String userId) {
        return setActive(actor, userId, false);
    }

    public UserAccount reactivate(Actor actor, String userId) {
        return setActive(actor, userId, true);
    }

    private UserAccount setActive(Actor actor, String userId, boolean active) {
        actor.require(Permission.MANAGE_USERS);
        requireLocalAuthority();
        return database.write(tx -> {
            UserAccount before = existing(tx, userId);
            if (before.active() == active) {
                return before;
            }
            if (!active && userId.equals(actor.userId())) {
                throw new DomainException("You cannot deactivate your own account: another administrator must");
            }
            if (!active && before.roles().contains(Role.ADMIN)) {
                requireAnotherActiveAdmin(tx, userId, "deactivate");
            }
            Sql.update(tx, "UPDATE app_user SET active = ?, updated_at = ? WHERE id = ?", active ? 1 : 0, clock.instant(), userId);
            audit.append(tx, actor, active ? AuthAction.USER_REACTIVATED : AuthAction.USER_DEACTIVATED, "User", userId,
                    Map.of("username", before.username()));
            return new UserAccount(before.id(), before.username(), before.displayName(), before.roles(), active);
        });
    }

    /** An administrator sets a new password for someone who forgot theirs; they should change it at once. */
    public void resetPassword(Actor actor, String userId, char[] password) {
        actor.require(Permission.MANAGE_USERS);
        requireLocalAuthority();
        UserAccount account = findById(userId).orElseThrow(() -> new DomainException("No such user: " + userId));
        PasswordRule.problemWith(password, account.username()).ifPresent(problem -> {
            throw ValidationException.of("password", problem);
        });
        String hash = hasher.hash(password);
        database.update(tx -> {
            Sql.update(tx, "UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?", hash, clock.instant(), userId);
            audit.append(tx, actor, AuthAction.PASSWORD_RESET, "User", userId, Map.of("username", account.username()));
        });
    }

    /**
     * The signed-in user replaces their own password, proving the current one first. A wrong current
     * password is audited like any failed re-authentication.
     */
    public void changeOwnPassword(Actor actor, char[] current, char[] password, char[] confirmation) {
        if (actor.isSystem()) {
            throw new DomainException("Only a person who signed in has a password to change");
        }
        authority.centralStore().ifPresent(store -> {
            throw new DomainException("Your password is kept by the central store (" + store + "): change it there;"
                    + " this workstation takes the new one at your next sign-in");
        });
        boolean currentMatches = passwordHashOf(actor.userId()).map(hash -> hasher.matches(current, hash)).orElse(false);
        if (!currentMatches) {
            database.update(tx -> audit.append(tx, actor, AuthAction.PASSWORD_CHANGE_REFUSED, "User", actor.userId()));
        }
        FormValidation form = new FormValidation();
        if (!currentMatches) {
            form.reject("currentPassword", "This is not your current password");
        }
        PasswordRule.problemWith(password, actor.username()).ifPresent(problem -> form.reject("newPassword", problem));
        if (!form.hasErrorFor("newPassword") && java.util.Arrays.equals(current, password)) {
            form.reject("newPassword", "The new password must differ from the current one");
        }
        if (!java.util.Arrays.equals(password, confirmation)) {
            form.reject("confirmPassword", "The two new passwords differ");
        }
        form.throwIfInvalid();
        String hash = hasher.hash(password);
        database.update(tx -> {
            Sql.update(tx, "UPDATE app_user SET password_hash = ?, updated_at = ? WHERE id = ?", hash, clock.instant(),
                    actor.userId());
            audit.append(tx, actor, AuthAction.PASSWORD_CHANGED, "User", actor.userId());
        });
    }

    private void requireLocalAuthority() {
        authority.centralStore().ifPresent(store -> {
            throw new DomainException("Accounts are kept by the central store (" + store + "): add and change users there;"
                    + " this workstation follows it");
        });
    }

    private static UserAccount existing(Connection tx, String userId) throws SQLException {
        return load(tx, SELECT_USER + "WHERE id = ?", userId).stream().findFirst()
                .orElseThrow(() -> new DomainException("No such user: " + userId));
    }

    /** The workstation must keep an active administrator, or nobody could manage it again. */
    private static void requireAnotherActiveAdmin(Connection tx, String userId, String what) throws SQLException {
        long others = Sql.count(tx, "SELECT count(*) FROM app_user u JOIN user_role r ON r.user_id = u.id"
                + " WHERE r.role = ? AND u.active = 1 AND u.id <> ?", Role.ADMIN, userId);
        if (others == 0) {
            throw new DomainException("Cannot " + what + " the last active administrator: make someone else an administrator first");
        }
    }

    private static void insertRoles(Connection tx, String userId, Set<Role> roles) throws SQLException {
        for (Role role : roles) {
            Sql.update(tx, "INSERT INTO user_role(user_id, role) VALUES (?, ?)", userId, role);
        }
        if (roles.contains(Role.RADIOLOGIST)) {
            Sql.update(tx, "INSERT OR IGNORE INTO radiologist_profile(user_id) VALUES (?)", userId);
        }
    }

    private static List<String> codes(Set<Role> roles) {
        return roles.stream().map(Role::code).sorted().toList();
    }

    private static String checkedUsername(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidValueException("Username must be 2 to 32 lower-case letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    public boolean isEmpty() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM app_user")) == 0;
    }

    public Optional<UserAccount> findByUsername(String username) {
        return database.read(c -> findByUsername(c, username));
    }

    public Optional<UserAccount> findById(String id) {
        return database.read(c -> load(c, SELECT_USER + "WHERE id = ?", id).stream().findFirst());
    }

    public List<UserAccount> all() {
        return database.read(c -> load(c, SELECT_USER + "ORDER BY display_name"));
    }

    /** The stored password hash of an active account, for {@link Authenticator}. */
    Optional<String> passwordHashOf(String userId) {
        return database.read(c -> Sql.one(c, "SELECT password_hash FROM app_user WHERE id = ? AND active = 1",
                r -> r.getString(1), userId));
    }

    private static Optional<UserAccount> findByUsername(Connection c, String username) throws SQLException {
        return load(c, SELECT_USER + "WHERE username = ?", username == null ? "" : username.strip()).stream().findFirst();
    }

    private static List<UserAccount> load(Connection c, String sql, Object... params) throws SQLException {
        List<UserAccount> accounts = new ArrayList<>();
        for (UserAccount bare : Sql.list(c, sql, r -> new UserAccount(r.getString(1), r.getString(2), r.getString(3),
                Set.of(), r.getInt(4) == 1), params)) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(Sql.list(c, "SELECT role FROM user_role WHERE user_id = ?", r -> Role.of(r.getString(1)), bare.id()));
            accounts.add(bare.withRoles(roles));
        }
        return accounts;
    }
}
