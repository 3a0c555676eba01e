package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.FaultyLink;
import org.lightbox.sync.testing.FaultyLink.Fault;
import org.lightbox.sync.testing.SyncedWorkstation;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/**
 * Faults that must lose and double nothing. After each one, every audit event is on the central
 * store exactly once and in order, the outbox is empty, and the hash chain verifies on both sides.
 */
@ExtendWith(CentralStoreExtension.class)
class SyncFaultTest {
    private static final int EVENTS = 10_000;
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void tenThousandEventsArriveOnceInOrderWhileTheServerIsStoppedAndRestartedManyTimes(@TempDir Path dir) throws Exception {
        AtomicInteger restarts = new AtomicInteger();
        ExecutorService operator = Executors.newSingleThreadExecutor();
        // Every 20th batch that reaches the relay, the server goes down: killed (SIGKILL) or stopped (SIGTERM)
        // in turn, and started again by the "operator" while the workstation keeps retrying.
        IntFunction<Fault> outages = n -> {
            if (n % 20 != 0 || restarts.get() >= 8) {
                return Fault.NONE;
            }
            if (restarts.incrementAndGet() % 2 == 0) {
                store.stopServer();
            } else {
                store.killServer();
            }
            operator.submit(store::startServer);
            return Fault.DROP;
        };
        try (FaultyLink link = new FaultyLink(store, outages); SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(EVENTS);
            CountDownLatch drained = new CountDownLatch(1);
            ws.sync().addListener(status -> {
                if (status.connection() == SyncStatus.Connection.ONLINE && status.waiting() == 0) {
                    drained.countDown();
                }
            });
            ws.sync().signedIn(ws.signIn());
            ws.sync().start();

            assertThat(drained.await(300, TimeUnit.SECONDS)).as("outbox drained through the restarts").isTrue();
            assertThat(restarts.get()).isEqualTo(8);
            operator.shutdown();
            assertThat(operator.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            ws.assertEverythingArrivedOnceInOrder();
        } finally {
            operator.shutdownNow();
            store.startServer();
        }
    }

    @Test
    void batchesTheServerSavedButNeverAnsweredAreNotDoubled(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> n % 3 == 0 ? Fault.DROP_AFTER_FORWARDING : Fault.NONE);
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(EVENTS);

            PushReport pushed = pushUntilEmpty(ws, ws.signIn());

            assertThat(link.faults()).isGreaterThan(10);
            assertThat(pushed.alreadyThere()).as("creates found already there on retry").isGreaterThan(0);
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void aBatchTheServerSavedOnlyPartOfBeforeItDiedArrivesWholeAndOnceWhenItIsBack(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> n == 5 ? Fault.SAVE_PART_THEN_KILL_SERVER : Fault.NONE);
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(999);
            CentralSession session = ws.signIn();

            assertThatThrownBy(() -> ws.sync().pusher(50).push(ws.client(), session))
                    .isInstanceOfSatisfying(CentralStoreException.class, e -> assertThat(e.kind().isTransient()).isTrue());
            assertThat(store.isRunning()).as("killed in the middle of the fifth batch").isFalse();
            store.startServer();
            assertThat(store.count("AuditEvent", "{\"workstation\":\"" + ws.workstationId() + "\"}"))
                    .as("four batches and half of the fifth were saved").isEqualTo(4 * 50 + 25);

            PushReport rest = pushUntilEmpty(ws, session);

            assertThat(rest.alreadyThere()).as("the half the server had saved").isEqualTo(25);
            ws.assertEverythingArrivedOnceInOrder();
        } finally {
            store.startServer();
        }
    }

    @Test
    void theStatusBarSaysTheApplicationIdIsRefusedAndLosesNothing(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(5);
            CentralSession session = ws.signIn();
            ws.sync().configure(Actor.SYSTEM, new CentralStoreSettings(store.url(), "not-" + store.appId(), null));
            long waiting = ws.sync().pending().waiting();

            StatusLine shown = firstShown(ws, session, SyncStatus.Connection.MISCONFIGURED);

            assertThat(shown.connection()).startsWith("Central store refused this workstation: check its settings, next try ");
            assertThat(shown.problem()).contains("application id");
            assertThat(ws.sync().pending().waiting()).isEqualTo(waiting);
        }
    }

    @Test
    void theStatusBarTellsAServerErrorFromBeingOffline(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> Fault.SERVICE_UNAVAILABLE);
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(5);

            StatusLine shown = firstShown(ws, ws.signIn(), SyncStatus.Connection.SERVER_ERROR);

            assertThat(shown.connection()).startsWith("Central store error, next try ");
            assertThat(shown.problem()).isEqualTo("The central store failed (HTTP 503)");
            assertThat(shown.waiting()).isEqualTo(ws.sync().pending().waiting() + " changes waiting");
            assertThat(ws.sync().pending().waiting()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void theStatusBarSaysTheServersAnswerWasUnreadable(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> Fault.MALFORMED_AFTER_FORWARDING);
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(5);

            StatusLine shown = firstShown(ws, ws.signIn(), SyncStatus.Connection.SERVER_ERROR);

            assertThat(shown.connection()).startsWith("Central store error, next try ");
            assertThat(shown.problem()).isEqualTo("The central store sent an unreadable answer (HTTP 200, not JSON)");
        }
    }

    @Test
    void aWholeRequestTheServerRefusesIsShownAsARefusalNotAsOffline(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> Fault.REFUSED);
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(5);

            StatusLine shown = firstShown(ws, ws.signIn(), SyncStatus.Connection.REFUSED);

            assertThat(shown.connection()).startsWith("Central store refused the sync, next try ").doesNotContain("Offline");
            assertThat(shown.problem()).contains("119").contains("Permission denied for this batch");
            assertThat(ws.sync().pending().refused()).as("no single change was refused: they all still wait").isZero();
        }
    }

    @Test
    void serverErrorsAndUnreadableAnswersAreRetriedWithoutLoss(@TempDir Path dir) throws Exception {
        try (FaultyLink link = new FaultyLink(store, n -> switch (n % 5) {
                    case 1 -> Fault.SERVICE_UNAVAILABLE;
                    case 3 -> Fault.MALFORMED_AFTER_FORWARDING;
                    default -> Fault.NONE;
                });
                SyncedWorkstation ws = new SyncedWorkstation(dir, store, link.url())) {
            ws.queueAuditEvents(2_000);
            CentralSession session = ws.signIn();

            assertThatThrownBy(() -> ws.sync().syncOnce(ws.client(), session))
                    .isInstanceOfSatisfying(CentralStoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.SERVER_FAILED);
                        assertThat(e.kind().isTransient()).isTrue();
                    });
            pushUntilEmpty(ws, session);

            assertThat(link.faults()).isGreaterThan(20);
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void anExpiredSessionStopsThePushUntilTheUserSignsInAgain(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(500);
            CentralSession first = ws.signIn();
            store.expireSessionsOf(ws.userId);
            long waiting = ws.sync().pending().waiting();

            assertThatThrownBy(() -> ws.sync().syncOnce(ws.client(), first))
                    .isInstanceOfSatisfying(CentralStoreException.class,
                            e -> assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.SESSION_EXPIRED));
            assertThat(ws.sync().pending().waiting()).isEqualTo(waiting);

            ws.sync().syncOnce(ws.client(), ws.signIn());
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void aWrongApplicationIdIsAClearStateAndLosesNothing(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(100);
            CentralSession session = ws.signIn();
            CentralStoreClient wrong = ws.sync().client(new CentralStoreSettings(store.url(), "not-" + store.appId(), null));
            long waiting = ws.sync().pending().waiting();

            assertThatThrownBy(() -> ws.sync().syncOnce(wrong, session))
                    .isInstanceOfSatisfying(CentralStoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(CentralStoreException.Kind.APPLICATION_REFUSED);
                        assertThat(e.getMessage()).contains("application id");
                    });
            assertThat(ws.sync().pending().waiting()).isEqualTo(waiting);

            ws.sync().syncOnce(ws.client(), session);
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void theStatusBarShowsOfflineWhileTheServerIsDownAndOnlineOnceItIsBack(@TempDir Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(10);
            CountDownLatch offline = new CountDownLatch(1);
            CountDownLatch onlineAgain = new CountDownLatch(1);
            ws.sync().addListener(status -> {
                if (status.connection() == SyncStatus.Connection.OFFLINE) {
                    assertThat(status.problem()).contains("cannot be reached");
                    offline.countDown();
                } else if (offline.getCount() == 0 && status.connection() == SyncStatus.Connection.ONLINE && status.waiting() == 0) {
                    onlineAgain.countDown();
                }
            });
            CentralSession session = ws.signIn();
            store.stopServer();
            ws.sync().signedIn(session);
            ws.sync().start();

            assertThat(offline.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ws.sync().status().waiting()).isGreaterThanOrEqualTo(10);
            store.startServer();
            assertThat(onlineAgain.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ws.sync().status().lastSuccess()).isNotNull();
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    /** The status bar's lines at the first moment the background sync reports {@code connection}. */
    private static StatusLine firstShown(SyncedWorkstation ws, CentralSession session, SyncStatus.Connection connection)
            throws InterruptedException {
        SyncStatusViewModel bar = new SyncStatusViewModel(ws.sync(), new CurrentThreadTaskExecutor(), ws.clock, alert -> { },
                (u, r) -> { });
        AtomicReference<StatusLine> seen = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        bar.statusProperty().addListener((o, was, now) -> {
            if (now.connection() == connection && seen.compareAndSet(null, new StatusLine(bar.connectionTextProperty().get(),
                    bar.problemTextProperty().get(), bar.waitingTextProperty().get()))) {
                shown.countDown();
            }
        });
        ws.sync().signedIn(session);
        ws.sync().start();
        try {
            assertThat(shown.await(60, TimeUnit.SECONDS)).as("the sync reported " + connection).isTrue();
            return seen.get();
        } finally {
            bar.dispose();
        }
    }

    private record StatusLine(String connection, String problem, String waiting) {
    }

    /** What the background loop does, on the test's thread: retry every transient failure until the outbox is empty. */
    static PushReport pushUntilEmpty(SyncedWorkstation ws, CentralSession session) {
        PushReport total = PushReport.NOTHING;
        OutboxPusher pusher = ws.sync().pusher(50);
        for (int attempt = 0; attempt < 2_000; attempt++) {
            try {
                return total.plus(pusher.push(ws.client(), session));
            } catch (CentralStoreException e) {
                assertThat(e.kind().isTransient()).as(e.getMessage()).isTrue();
                total = total.plus(new PushReport(0, 0, 0, 1));
            }
        }
        throw new AssertionError("The outbox did not drain in 2,000 attempts");
    }
}
