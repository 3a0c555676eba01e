package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/** While online, a STAT scanned elsewhere reaches this workstation's worklist at once, with an alert. */
@ExtendWith(CentralStoreExtension.class)
class LiveWorklistTest {
    @Test
    void aStatScannedOnAnotherWorkstationRaisesAnAlertAndReachesTheWorklist(@TempDir Path a, @TempDir Path b,
            CentralStoreServer store) throws Exception {
        store.startServer();
        try (SyncedWorkstation technologist = new SyncedWorkstation(a, store);
                SyncedWorkstation reader = new SyncedWorkstation(b, store)) {
            CentralSession techSession = technologist.signIn();
            CountDownLatch live = new CountDownLatch(1);
            CountDownLatch alerted = new CountDownLatch(1);
            CountDownLatch onWorklist = new CountDownLatch(1);
            AtomicReference<StatAlert> alert = new AtomicReference<>();
            AtomicReference<String> requestId = new AtomicReference<>("");
            reader.sync().addListener(new SyncService.Listener() {
                @Override
                public void statusChanged(SyncStatus status) {
                    boolean arrived = reader.workstation.database().read(c -> Sql.count(c,
                            "SELECT count(*) FROM worklist_item WHERE request_id = ?", requestId.get())) > 0;
                    if (arrived) {
                        onWorklist.countDown();
                    }
                }

                @Override
                public void statAlert(StatAlert a) {
                    alert.set(a);
                    alerted.countDown();
                }

                @Override
                public void liveUpdatesStarted() {
                    live.countDown();
                }
            });
            reader.sync().signedIn(reader.signIn());
            reader.sync().start();
            assertThat(live.await(30, TimeUnit.SECONDS)).as("live updates started").isTrue();

            String accession = "S" + Ids.newId().substring(0, 10);
            ImagingRequest request = technologist.request(accession, "stat");
            requestId.set(request.id());
            String scanner = technologist.workstation.facilities().addModality(technologist.actor(),
                    "CT-" + Ids.newId().substring(0, 6), ModalityType.of("CT"), null, null).id();
            technologist.workstation.lifecycle().schedule(technologist.actor(), request.id(), scanner, Instant.parse("2026-03-02T08:00:00Z"));
            technologist.workstation.lifecycle().markPerformed(technologist.actor(), request.id(), Instant.parse("2026-03-02T08:05:00Z"));
            technologist.sync().syncOnce(technologist.client(), techSession);

            assertThat(alerted.await(30, TimeUnit.SECONDS)).as("STAT alert").isTrue();
            assertThat(alert.get().text()).contains("New STAT").contains(accession);
            assertThat(onWorklist.await(30, TimeUnit.SECONDS)).as("on the reader's worklist").isTrue();
        }
    }
}
