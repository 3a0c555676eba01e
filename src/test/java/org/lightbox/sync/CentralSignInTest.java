package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.SignInRefusedException;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Role;
import org.lightbox.store.Sql;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/** With a central store, its accounts decide; the workstation keeps working offline on a cached verifier. */
@ExtendWith(CentralStoreExtension.class)
class CentralSignInTest {
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void signingInOnlineCachesTheAccountWithAVerifierNeverThePassword(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            Actor actor = ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());

            assertThat(actor.userId()).as("the central store's id").isEqualTo(ws.userId);
            assertThat(actor.has(Role.ADMIN)).isTrue();
            Optional<String> cached = ws.workstation.database().read(c -> Sql.one(c, "SELECT password_hash FROM app_user WHERE id = ?",
                    r -> r.getString(1), ws.userId));
            assertThat(cached).hasValueSatisfying(hash -> {
                assertThat(hash).startsWith("pbkdf2-sha256$");
                assertThat(hash).doesNotContain(SyncedWorkstation.PASSWORD);
            });
            assertThat(ws.sync().syncOnce().push().refused()).isZero();
        }
    }

    @Test
    void offlineTheCachedVerifierLetsThePersonInAndTheServerConfirmsOnceBack(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            ws.configure(unreachable());

            Actor offline = ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            assertThat(offline.userId()).isEqualTo(ws.userId);
            assertThatThrownBy(() -> ws.sync().syncOnce()).isInstanceOfSatisfying(CentralStoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.UNREACHABLE));

            ws.configure(store.url());
            ws.sync().signedInOffline(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            SyncReport back = ws.sync().syncOnce();
            assertThat(back.waiting()).isZero();
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void aPasswordTheCentralStoreNoLongerAcceptsIsRefusedHereTooEvenOffline(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            store.master("PUT", "/users/" + ws.userId, store.json().createObjectNode().put("password", "a brand new passphrase"));

            assertThatThrownBy(() -> ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray()))
                    .isInstanceOf(SignInRefusedException.class);
            ws.configure(unreachable());
            assertThatThrownBy(() -> ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray()))
                    .as("the old verifier is gone").isInstanceOf(SignInRefusedException.class);
        }
    }

    @Test
    void anOfflineSignInTheServerRejectsOnceBackEndsTheSession(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            ws.configure(unreachable());
            ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            store.master("PUT", "/users/" + ws.userId, store.json().createObjectNode().put("password", "changed while offline"));
            AtomicReference<String> revoked = new AtomicReference<>();
            ws.sync().addListener(new SyncService.Listener() {
                @Override
                public void statusChanged(SyncStatus status) {
                }

                @Override
                public void signInRevoked(String username, String reason) {
                    revoked.set(username + ": " + reason);
                }
            });

            ws.configure(store.url());
            ws.sync().signedInOffline(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            assertThatThrownBy(() -> ws.sync().syncOnce()).isInstanceOfSatisfying(CentralStoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.WRONG_PASSWORD));

            assertThat(revoked.get()).startsWith(ws.username).contains("no longer accepts");
            assertThat(ws.workstation.auditTrail().latest(5)).anyMatch(e -> e.action().equals("sync.revalidation_refused"));
        }
    }

    @Test
    void unlockingTheWorkstationRenewsAnExpiredSession(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            Actor actor = ws.workstation.signIn().signIn(ws.username, SyncedWorkstation.PASSWORD.toCharArray());
            store.expireSessionsOf(ws.userId);
            assertThatThrownBy(() -> ws.sync().syncOnce()).isInstanceOfSatisfying(CentralStoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.SESSION_EXPIRED));
            assertThat(ws.sync().hasSession()).isFalse();

            ws.workstation.signIn().unlock(actor, SyncedWorkstation.PASSWORD.toCharArray());

            assertThat(ws.sync().hasSession()).isTrue();
            assertThat(ws.sync().syncOnce().waiting()).isZero();
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void anAccountMadeOnThisWorkstationNoLongerSignsInOfflineOnceACentralStoreIsConfigured(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.sync().configure(Actor.SYSTEM, null);
            ws.workstation.users().create(Actor.SYSTEM, "local.only", "Local Only", java.util.Set.of(Role.TECHNOLOGIST),
                    "local passphrase".toCharArray());
            assertThat(ws.workstation.signIn().signIn("local.only", "local passphrase".toCharArray()).username())
                    .isEqualTo("local.only");

            ws.configure(unreachable());

            assertThatThrownBy(() -> ws.workstation.signIn().signIn("local.only", "local passphrase".toCharArray()))
                    .isInstanceOf(SignInRefusedException.class).hasMessageContaining("cannot be reached");
            assertThat(ws.workstation.auditTrail().latest(5)).anyMatch(e -> e.action().equals("sync.offline_sign_in_refused"));
        }
    }

    @Test
    void anAccountDeactivatedOnTheServerIsDeactivatedHereAtTheNextPull(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            String leaving = "leaving-" + Ids.newId().substring(0, 8).toLowerCase();
            String leavingId = store.createUser(leaving, SyncedWorkstation.PASSWORD, "technologist");
            ws.workstation.signIn().signIn(leaving, SyncedWorkstation.PASSWORD.toCharArray());
            CentralSession admin = ws.signIn();
            store.master("PUT", "/users/" + leavingId, store.json().createObjectNode().put("active", false));

            ws.sync().syncOnce(ws.client(), admin);

            assertThat(ws.workstation.users().findById(leavingId)).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
            assertThat(ws.workstation.auditTrail().latest(20)).anyMatch(e -> e.action().equals("sync.account_deactivated")
                    && e.targetId().equals(leavingId));
            assertThatThrownBy(() -> ws.workstation.signIn().signIn(leaving, SyncedWorkstation.PASSWORD.toCharArray()))
                    .as("the server refuses it").isInstanceOf(SignInRefusedException.class).hasMessageContaining("deactivated");
            ws.configure(unreachable());
            assertThatThrownBy(() -> ws.workstation.signIn().signIn(leaving, SyncedWorkstation.PASSWORD.toCharArray()))
                    .as("and so does this workstation offline").isInstanceOf(SignInRefusedException.class);
        }
    }

    @Test
    void anAccountRemovedFromTheServerIsDeactivatedHereAtTheNextPull(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            String gone = "gone-" + Ids.newId().substring(0, 8).toLowerCase();
            String goneId = store.createUser(gone, SyncedWorkstation.PASSWORD, "radiologist");
            ws.workstation.signIn().signIn(gone, SyncedWorkstation.PASSWORD.toCharArray());
            CentralSession admin = ws.signIn();
            ws.sync().syncOnce(ws.client(), admin);
            store.master("DELETE", "/users/" + goneId, null);

            SyncReport pulled = ws.sync().syncOnce(ws.client(), admin);

            assertThat(pulled.pulled().get("removed")).isEqualTo(1);
            assertThat(ws.workstation.users().findById(goneId)).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
            assertThat(ws.workstation.users().findById(ws.userId)).hasValueSatisfying(u -> assertThat(u.active()).isTrue());
            ws.configure(unreachable());
            assertThatThrownBy(() -> ws.workstation.signIn().signIn(gone, SyncedWorkstation.PASSWORD.toCharArray()))
                    .isInstanceOf(SignInRefusedException.class);
        }
    }

    @Test
    void standaloneTheLocalAccountsDecide(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.sync().configure(Actor.SYSTEM, null);
            ws.workstation.users().create(Actor.SYSTEM, "local.only", "Local Only", java.util.Set.of(Role.TECHNOLOGIST),
                    "local passphrase".toCharArray());

            Actor actor = ws.workstation.signIn().signIn("local.only", "local passphrase".toCharArray());

            assertThat(actor.username()).isEqualTo("local.only");
            assertThat(ws.sync().status().connection()).isEqualTo(SyncStatus.Connection.STANDALONE);
        }
    }

    private static String unreachable() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort() + "/parse";
        }
    }
}
