package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/**
 * What a pull brings and this workstation cannot apply yet is kept with its reason, shown, audited and
 * retried; the cursor moving past it never loses it, and it never stops the objects after it.
 */
@ExtendWith(CentralStoreExtension.class)
class NothingPulledIsDroppedTest {
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void aReportWhoseRequestHasNotArrivedIsKeptAndAppliedOnceTheRequestIsThere(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CentralSession session = ws.signIn();
            ws.sync().syncOnce(ws.client(), session);
            String requestId = Ids.newId();
            String reportId = Ids.newId();
            ObjectNode report = store.json().createObjectNode().put("objectId", reportId).put("authorId", ws.userId)
                    .put("status", "draft").put("findings", "Written before the request was registered");
            report.putObject("request").put("__type", "Pointer").put("className", "ImagingRequest").put("objectId", requestId);
            store.master("POST", "/classes/Report", report);

            SyncReport first = ws.sync().syncOnce(ws.client(), session);

            assertThat(shownInThePanel(ws, reportId)).singleElement().satisfies(p -> {
                assertThat(p.className()).isEqualTo("Report");
                assertThat(p.reason()).contains("imaging request " + requestId).contains("not on this workstation yet");
            });
            // Other tests' objects on the shared central store may be parked here too: counted alike.
            long parked = ws.sync().parked().count();
            assertThat(first.parked()).isEqualTo(parked);
            assertThat(first.describe()).contains("Received but not applied yet: " + parked + " (see the sync panel)");
            SyncStatusViewModel statusBar = new SyncStatusViewModel(ws.sync(), new CurrentThreadTaskExecutor(), ws.clock,
                    alert -> { }, (u, r) -> { });
            statusBar.refresh();
            assertThat(statusBar.conflictsTextProperty().get())
                    .isEqualTo(parked + (parked == 1 ? " change" : " changes") + " received, not applied yet");
            assertThat(statusBar.needsAttentionProperty().get()).isTrue();
            statusBar.dispose();
            assertThat(ws.workstation.auditTrail().latest(20)).anyMatch(e -> e.action().equals("sync.change_parked")
                    && e.targetId().equals(reportId));

            store.master("POST", "/classes/ImagingRequest", request(requestId, "routine"));
            SyncReport second = ws.sync().syncOnce(ws.client(), session);

            assertThat(second.parked()).isEqualTo(parked - 1);
            assertThat(findings(ws, reportId)).contains("Written before the request was registered");
            assertThat(shownInThePanel(ws, reportId)).isEmpty();
            assertThat(ws.workstation.auditTrail().latest(20)).anyMatch(e -> e.action().equals("sync.parked_change_applied"));
        }
    }

    @Test
    void anObjectTheLocalStoreRefusesIsParkedWithItsReasonAndTheObjectsAfterItStillApply(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CentralSession session = ws.signIn();
            ws.sync().syncOnce(ws.client(), session);
            String odd = Ids.newId();
            String fine = Ids.newId();
            store.master("POST", "/classes/ImagingRequest", request(odd, "someday"));
            store.master("POST", "/classes/ImagingRequest", request(fine, "urgent"));

            ws.sync().syncOnce(ws.client(), session);
            ws.sync().syncOnce(ws.client(), session);

            assertThat(status(ws, fine)).contains("requested");
            assertThat(status(ws, odd)).isEmpty();
            assertThat(shownInThePanel(ws, odd)).singleElement().satisfies(p -> {
                assertThat(p.reason()).contains("could not be applied here").contains("CHECK constraint");
                assertThat(p.attempts()).as("tried again at the second sync").isEqualTo(2);
            });

            store.master("PUT", "/classes/ImagingRequest/" + odd, store.json().createObjectNode().put("priority", "stat"));
            ws.sync().syncOnce(ws.client(), session);

            assertThat(status(ws, odd)).contains("requested");
            assertThat(shownInThePanel(ws, odd)).isEmpty();
        }
    }

    private ObjectNode request(String id, String priority) {
        return store.json().createObjectNode().put("objectId", id).put("accessionNumber", "P" + id.substring(0, 10))
                .put("patientMrn", "MRN-" + id.substring(0, 8)).put("patientFamilyName", "Hopper").put("patientGivenName", "Grace")
                .put("patientBirthDate", "1950-12-09").put("patientSex", "F").put("priority", priority)
                .put("requestedModality", "CT").put("description", "CT chest").put("status", "requested");
    }

    /** What the sync panel lists as received but not applied, about one object. */
    private static List<ParkedChange> shownInThePanel(SyncedWorkstation ws, String objectId) {
        SyncPanelViewModel panel = new SyncPanelViewModel(ws.sync(), new CurrentThreadTaskExecutor(), ws.actor());
        panel.refresh();
        List<ParkedChange> shown = panel.parked().stream().filter(p -> p.objectId().equals(objectId)).toList();
        panel.dispose();
        return shown;
    }

    private static Optional<String> findings(SyncedWorkstation ws, String reportId) {
        return ws.workstation.database().read(c -> Sql.one(c, "SELECT findings FROM report WHERE id = ?", r -> r.getString(1),
                reportId));
    }

    private static Optional<String> status(SyncedWorkstation ws, String requestId) {
        return ws.workstation.database().read(c -> Sql.one(c, "SELECT status FROM imaging_request WHERE id = ?",
                r -> r.getString(1), requestId));
    }
}
