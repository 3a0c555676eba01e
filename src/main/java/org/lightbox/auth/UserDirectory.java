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
    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,32}");

    private static final String SELECT_USER = "SELECT id, username, display_name, active FROM app_user ";

    private final Database database;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UserDirectory(Database database, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates an account; only an administrator (or the workstation itself on first run) may. */
    public UserAccount create(Actor actor, String username, String displayName, Set<Role> roles, char[] password) {
        actor.require(Permission.MANAGE_USERS);
        FormValidation form = new FormValidation();
        String name = form.field("username", () -> checkedUsername(username));
        String display = form.field("displayName", () -> Text.required(displayName, "Display name", 80));
        if (roles.isEmpty()) {
            form.reject("roles", "Choose at least one role");
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            form.reject("password", "Password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        form.throwIfInvalid();
        String hash = hasher.hash(password);
        UserAccount account = new UserAccount(Ids.newId(), name, display, roles, true);
        return database.write(tx -> {
            if (findByUsername(tx, name).isPresent()) {
                throw ValidationException.of("username", "Username " + name + " is taken");
            }
            Sql.update(tx, "INSERT INTO app_user(id, username, display_name, password_hash, active, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, 1, ?, ?)", account.id(), name, display, hash, clock.instant(), clock.instant());
            for (Role role : roles) {
                Sql.update(tx, "INSERT INTO user_role(user_id, role) VALUES (?, ?)", account.id(), role);
            }
            if (roles.contains(Role.RADIOLOGIST)) {
                Sql.update(tx, "INSERT INTO radiologist_profile(user_id) VALUES (?)", account.id());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("username", name);
            details.put("roles", roles.stream().map(Role::code).sorted().toList());
            audit.append(tx, actor, AuthAction.USER_CREATED, "User", account.id(), details);
            return account;
        });
    }

    /** The username as stored (trimmed, lower case); refused unless 2 to 32 plain characters. */
    public static String checkedUsername(String raw) {
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
