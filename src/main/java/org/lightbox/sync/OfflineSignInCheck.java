package org.lightbox.sync;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;

/**
 * Someone signed in with the cached verifier while the central store was out of reach: their sign-in
 * waits here to be confirmed by the server once it answers. The password is held in memory only and
 * wiped once checked. When the server says no (a changed password, a deactivated account), the
 * cached verifier is forgotten, the refusal audited, and the person told.
 */
final class OfflineSignInCheck {
    private final CentralAccounts accounts;
    private final Database database;
    private final AuditLog audit;
    private final AtomicReference<OfflineSignIn> waiting = new AtomicReference<>();

    OfflineSignInCheck(CentralAccounts accounts, Database database, AuditLog audit) {
        this.accounts = accounts;
        this.database = database;
        this.audit = audit;
    }

    void waitFor(String username, char[] password) {
        clear();
        waiting.set(new OfflineSignIn(username, password));
    }

    boolean isWaiting() {
        return waiting.get() != null;
    }

    void clear() {
        OfflineSignIn previous = waiting.getAndSet(null);
        if (previous != null) {
            Arrays.fill(previous.password(), '\0');
        }
    }

    /**
     * The session the server opens for the waiting sign-in, or empty when none waits. Throws what the
     * server answered otherwise; a refusal first ends the sign-in and tells {@code revoked} (who, why).
     */
    Optional<CentralSession> confirm(CentralStoreClient client, BiConsumer<String, String> revoked) {
        OfflineSignIn check = waiting.get();
        if (check == null) {
            return Optional.empty();
        }
        try {
            CentralSession confirmed = accounts.signIn(client, check.username(), check.password());
            clear();
            return Optional.of(confirmed);
        } catch (CentralStoreException e) {
            boolean wrongPassword = e.kind() == CentralStoreException.Kind.WRONG_PASSWORD;
            if (wrongPassword || e.kind() == CentralStoreException.Kind.REFUSED) {
                // The authority said no (a changed password, a deactivated account): the offline sign-in ends.
                clear();
                accounts.forget(check.username());
                database.update(tx -> audit.append(tx, Actor.SYSTEM, SyncAction.REVALIDATION_REFUSED, "User", check.username()));
                revoked.accept(check.username(), wrongPassword
                        ? "The central store no longer accepts the password " + check.username() + " signed in with offline"
                        : "The central store refused the offline sign-in of " + check.username() + ": " + e.getMessage());
            }
            throw e;
        }
    }

    private record OfflineSignIn(String username, char[] password) {
    }
}
