package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** What the status bar and the sync panel tell the person at the workstation. */
class SyncViewModelsTest {
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    @Test
    void withoutACentralStoreTheStatusBarSaysStandaloneAndCountsWhatWaits(@TempDir Path dir) {
        try (Scenario s = new Scenario(dir)) {
            s.admin();
            SyncStatusViewModel status = new SyncStatusViewModel(s.workstation.sync(), tasks, s.clock, alert -> { }, (u, r) -> { });
            status.refresh();

            assertThat(status.connectionTextProperty().get()).startsWith("Standalone");
            assertThat(status.waitingTextProperty().get()).isEqualTo("1 change waiting");
            assertThat(status.lastSyncTextProperty().get()).isEqualTo("Never synced");
            assertThat(status.canSyncNowProperty().get()).isFalse();
            status.dispose();
        }
    }

    @Test
    void configuredButNotSignedInTheStatusBarSaysSoAndSyncNowWaits(@TempDir Path dir) {
        try (Scenario s = new Scenario(dir)) {
            s.workstation.sync().configure(Actor.SYSTEM, new CentralStoreSettings("http://127.0.0.1:9/parse", "lightbox", null));
            SyncStatusViewModel status = new SyncStatusViewModel(s.workstation.sync(), tasks, s.clock, alert -> { }, (u, r) -> { });

            assertThat(status.connectionTextProperty().get()).contains("not signed in");
            assertThat(status.canSyncNowProperty().get()).isFalse();
            assertThat(status.needsAttentionProperty().get()).isTrue();
            status.dispose();
        }
    }

    @Test
    void theSyncPanelListsRefusedChangesFirstWithTheServersErrorAndRetriesThem(@TempDir Path dir) {
        try (Scenario s = new Scenario(dir)) {
            Actor admin = s.admin();
            PendingChanges pending = s.workstation.sync().pending();
            List<OutboxItem> queued = pending.nextWaiting(10);
            pending.refused(queued.get(queued.size() - 1).seq(), "119: Only the assigned radiologist may edit this draft");
            SyncPanelViewModel panel = new SyncPanelViewModel(s.workstation.sync(), tasks, admin);

            panel.refresh();

            assertThat(panel.items().get(0).failed()).isTrue();
            assertThat(panel.items().get(0).lastError()).contains("assigned radiologist");
            assertThat(panel.summaryProperty().get()).contains("1 refused");
            assertThat(panel.canRetryRefused()).isTrue();
            panel.retryRefused();
            assertThat(panel.messageProperty().get()).isEqualTo("1 change queued again");
            assertThat(panel.items()).noneMatch(OutboxItem::failed);
            assertThat(s.workstation.auditTrail().latest(5)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("sync.refused_changes_retried");
                assertThat(e.actorId()).isEqualTo(admin.userId());
                assertThat(e.details()).contains("\"changes\":1");
            });
        }
    }

    @Test
    void onlySomeoneAllowedToPutsRefusedChangesBackInTheQueue(@TempDir Path dir) {
        try (Scenario s = new Scenario(dir)) {
            s.admin();
            Actor radiologist = s.user("grace", org.lightbox.domain.Role.RADIOLOGIST);
            PendingChanges pending = s.workstation.sync().pending();
            List<OutboxItem> queued = pending.nextWaiting(10);
            pending.refused(queued.get(0).seq(), "119: Permission denied");
            SyncPanelViewModel panel = new SyncPanelViewModel(s.workstation.sync(), tasks, radiologist);

            assertThat(panel.canRetryRefused()).isFalse();
            panel.retryRefused();

            assertThat(panel.messageProperty().get()).contains("may not send refused changes to the central store again");
            assertThat(pending.refused()).isEqualTo(1);
            assertThat(s.workstation.auditTrail().latest(5)).noneMatch(e -> e.action().equals("sync.refused_changes_retried"));
        }
    }

    @Test
    void settingsRefuseAnAddressThatIsNotHttp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CentralStoreSettings("ftp://store", "lightbox", null))
                .hasMessageContaining("http://");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CentralStoreSettings("http://store/parse", " ", null))
                .hasMessageContaining("application id");
        assertThat(new CentralStoreSettings("https://store.example/parse/", "lb", "").liveQueryUrl())
                .isEqualTo("wss://store.example/parse");
    }

    @Test
    void backoffDoublesUpToItsCeilingWithJitter() {
        Backoff backoff = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(2), new java.util.Random(7));
        List<Long> waits = java.util.stream.IntStream.range(0, 8).mapToObj(i -> backoff.next().toMillis()).toList();

        assertThat(waits.get(0)).isBetween(50L, 100L);
        assertThat(waits.get(3)).isBetween(400L, 800L);
        assertThat(waits.subList(5, 8)).allSatisfy(w -> assertThat(w).isBetween(1_000L, 2_000L));
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
    }

    @Test
    void aBatchEndsBeforeASecondChangeOfTheSameObject() {
        List<OutboxItem> queue = List.of(item(1, "A", "create"), item(2, "B", "create"), item(3, "A", "update"),
                item(4, "C", "create"));

        assertThat(BatchPlan.next(queue, 50)).extracting(OutboxItem::seq).containsExactly(1L, 2L);
        assertThat(BatchPlan.next(queue.subList(2, 4), 50)).extracting(OutboxItem::seq).containsExactly(3L, 4L);
        assertThat(BatchPlan.next(java.util.stream.LongStream.rangeClosed(1, 120).mapToObj(i -> item(i, "E" + i, "create"))
                .toList(), 50)).hasSize(50);
    }

    @Test
    void aReportChangeNeverSharesABatchWithAWorklistChangeBeforeIt() {
        List<OutboxItem> queue = List.of(item(1, "Report", "R1", "update"), item(2, "WorklistItem", "W1", "update"),
                item(3, "AuditEvent", "E1", "create"), item(4, "Report", "R2", "update"));

        assertThat(BatchPlan.next(queue, 50)).extracting(OutboxItem::seq).containsExactly(1L, 2L, 3L);
        assertThat(BatchPlan.next(queue.subList(3, 4), 50)).extracting(OutboxItem::seq).containsExactly(4L);
    }

    private static OutboxItem item(long seq, String id, String op) {
        return item(seq, "AuditEvent", id, op);
    }

    private static OutboxItem item(long seq, String className, String id, String op) {
        return new OutboxItem(seq, className, id, op, "{}", 0, null, false, java.time.Instant.EPOCH);
    }
}
