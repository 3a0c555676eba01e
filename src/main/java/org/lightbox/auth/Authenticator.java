package org.lightbox.auth;

import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;

/**
 * Checks passwords: at sign-in, when the locked workstation is unlocked, and before a signature.
 * Every outcome is audited, refusals included.
 */
public final class Authenticator implements SignIn, Unlock {
    private static final String REFUSED = "Unknown username or wrong password";

    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final Database database;
    private final AuditLog audit;

    public Authenticator(UserDirectory users, PasswordHasher hasher, Database database, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.database = database;
        this.audit = audit;
    }

    @Override
    public void warmUp() {
        hasher.warmUp();
    }

    @Override
    public Actor signIn(String username, char[] password) {
        Optional<UserAccount> account = users.findByUsername(username).filter(UserAccount::active);
        boolean ok = account.isPresent() && account.flatMap(a -> users.passwordHashOf(a.id()))
                .map(hash -> hasher.matches(password, hash)).orElse(false);
        if (!ok) {
            String target = account.map(UserAccount::id).orElse("");
            database.update(tx -> audit.append(tx, Actor.SYSTEM, AuthAction.SIGN_IN_REFUSED, "User", target,
                    Map.of("username", username == null ? "" : username.strip())));
            throw new SignInRefusedException(REFUSED);
        }
        Actor actor = account.get().asActor();
        database.update(tx -> audit.append(tx, actor, AuthAction.SIGNED_IN, "User", actor.userId()));
        return actor;
    }

    /** The signed-in user proves again that they are at the keyboard (unlock, signature). */
    public void reauthenticate(Actor actor, char[] password) {
        boolean ok = users.passwordHashOf(actor.userId()).map(hash -> hasher.matches(password, hash)).orElse(false);
        if (!ok) {
            database.update(tx -> audit.append(tx, actor, AuthAction.REAUTHENTICATION_REFUSED, "User", actor.userId()));
            throw new SignInRefusedException("Wrong password for " + actor.username());
        }
    }

    @Override
    public void unlock(Actor actor, char[] password) {
        reauthenticate(actor, password);
        database.update(tx -> audit.append(tx, actor, AuthAction.WORKSTATION_UNLOCKED, "User", actor.userId()));
    }

    public void recordLocked(Actor actor, String why) {
        database.update(tx -> audit.append(tx, actor, AuthAction.WORKSTATION_LOCKED, "User", actor.userId(), Map.of("reason", why)));
    }

    public void signOut(Actor actor) {
        database.update(tx -> audit.append(tx, actor, AuthAction.SIGNED_OUT, "User", actor.userId()));
    }
}
