package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/**
 * Two workstations change the same object while apart; their ordinary sync cycles settle it by rule:
 * the server's scheduling wins, the author's unsigned draft wins, a signed version never changes.
 * Every conflict is listed in the sync panel and audited; a workstation's own changes coming back
 * from the server are never taken for someone else's.
 */
@ExtendWith(CentralStoreExtension.class)
class ConflictRulesTest {
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void theServerWinsForSchedulingAndTheConflictIsShownAndAudited(@TempDir Path a, @TempDir Path b) {
        try (SyncedWorkstation first = new SyncedWorkstation(a, store); SyncedWorkstation second = new SyncedWorkstation(b, store)) {
            SharedRequest shared = requestOnBoth(first, second);
            CentralSession firstSession = shared.firstSession();
            CentralSession secondSession = shared.secondSession();
            ImagingRequest request = shared.request();
            String scanner = shared.scanner();

            Instant serverTime = Instant.parse("2026-03-03T08:00:00Z");
            Instant localTime = Instant.parse("2026-03-03T15:00:00Z");
            first.workstation.lifecycle().schedule(first.actor(), request.id(), scanner, serverTime);
            first.sync().syncOnce(first.client(), firstSession);
            second.workstation.lifecycle().schedule(second.actor(), request.id(), scanner, localTime);
            second.sync().syncOnce(second.client(), secondSession);

            assertThat(serverRequest(request).path("scheduledAt").path("iso").asText()).isEqualTo("2026-03-03T08:00:00.000Z");
            assertThat(scheduledAt(second, request)).contains(serverTime);
            assertThat(shownInThePanel(second, request.id())).singleElement().satisfies(c -> {
                assertThat(c.fields()).contains("scheduledAt");
                assertThat(c.localValue()).contains(localTime.toString());
                assertThat(c.serverValue()).contains(serverTime.toString());
                assertThat(c.resolution()).contains("central store's scheduling was kept");
            });
            assertThat(second.workstation.auditTrail().latest(50)).anyMatch(e -> e.action().equals("sync.conflict_settled"));
            assertThat(second.sync().pending().waiting()).isZero();
        }
    }

    @Test
    void aCancellationMadeOfflineNeverCarriesStaleSchedulingOverTheServersNewerOne(@TempDir Path a, @TempDir Path b) {
        try (SyncedWorkstation first = new SyncedWorkstation(a, store); SyncedWorkstation second = new SyncedWorkstation(b, store)) {
            SharedRequest shared = requestOnBoth(first, second);
            CentralSession firstSession = shared.firstSession();
            CentralSession secondSession = shared.secondSession();
            ImagingRequest request = shared.request();
            String scanner = shared.scanner();

            Instant scheduled = Instant.parse("2026-03-04T10:30:00Z");
            first.workstation.lifecycle().schedule(first.actor(), request.id(), scanner, scheduled);
            first.sync().syncOnce(first.client(), firstSession);
            second.workstation.lifecycle().cancel(second.actor(), request.id(), "Patient moved to another hospital");
            second.sync().syncOnce(second.client(), secondSession);

            JsonNode onServer = serverRequest(request);
            assertThat(onServer.path("status").asText()).isEqualTo("cancelled");
            assertThat(onServer.path("cancelReason").asText()).isEqualTo("Patient moved to another hospital");
            assertThat(onServer.path("scheduledAt").path("iso").asText()).isEqualTo("2026-03-04T10:30:00.000Z");
            assertThat(onServer.path("scheduledModalityId").asText()).isEqualTo(scanner);
            assertThat(scheduledAt(second, request)).contains(scheduled);
            List<SyncConflict> shown = shownInThePanel(second, request.id());
            assertThat(shown).anySatisfy(c -> {
                assertThat(c.fields()).contains("scheduledAt", "scheduledModalityId");
                assertThat(c.resolution()).contains("central store's scheduling was kept");
            });
            assertThat(shown).anySatisfy(c -> {
                assertThat(c.fields()).isEqualTo("status");
                assertThat(c.localValue()).contains("cancelled");
                assertThat(c.serverValue()).contains("scheduled");
                assertThat(c.resolution()).contains("this workstation's change was kept");
            });
            assertThat(second.workstation.auditTrail().latest(50)).filteredOn(e -> e.action().equals("sync.conflict_settled"))
                    .hasSize(2);
        }
    }

    @Test
    void aReadingLockTakenHereNeverUndoesAnAssignmentMadeElsewhere(@TempDir Path a, @TempDir Path b) {
        try (SyncedWorkstation first = new SyncedWorkstation(a, store); SyncedWorkstation second = new SyncedWorkstation(b, store)) {
            CentralSession firstSession = first.signIn();
            String readerId = store.createUser("reader-" + Ids.newId().substring(0, 8).toLowerCase(), SyncedWorkstation.PASSWORD,
                    "radiologist");
            first.sync().syncOnce(first.client(), firstSession);
            ImagingRequest request = performed(first);
            first.sync().syncOnce(first.client(), firstSession);
            CentralSession secondSession = second.signIn();
            second.sync().syncOnce(second.client(), secondSession);

            first.workstation.assignments().assignTo(first.actor(), request.id(), readerId);
            first.sync().syncOnce(first.client(), firstSession);
            second.workstation.readingLocks().acquire(second.actor(), request.id(), Duration.ofMinutes(10));
            second.sync().syncOnce(second.client(), secondSession);

            JsonNode item = store.master("GET", "/classes/WorklistItem?where=" + CentralStoreServer.encode(
                    "{\"request\":{\"__type\":\"Pointer\",\"className\":\"ImagingRequest\",\"objectId\":\"" + request.id() + "\"}}"),
                    null).path("results").get(0);
            assertThat(item.path("assigneeId").asText()).isEqualTo(readerId);
            assertThat(item.path("lockHolderId").asText()).isEqualTo(second.userId);
            Optional<String> localAssignee = second.workstation.database().read(c -> Sql.one(c,
                    "SELECT assignee_id FROM worklist_item WHERE request_id = ?", r -> r.getString(1), request.id()));
            assertThat(localAssignee).contains(readerId);
            assertThat(shownInThePanel(second, item.path("objectId").asText())).singleElement()
                    .satisfies(c -> assertThat(c.fields()).isEqualTo("assigneeId"));
        }
    }

    @Test
    void aWorkstationsOwnChangesComingBackFromTheServerAreNoConflict(@TempDir Path a) {
        try (SyncedWorkstation ws = new SyncedWorkstation(a, store)) {
            CentralSession session = ws.signIn();
            ImagingRequest request = ws.request(accession(), "urgent");
            String scanner = scanner(ws);
            ws.sync().syncOnce(ws.client(), session);
            ws.workstation.lifecycle().schedule(ws.actor(), request.id(), scanner, Instant.parse("2026-03-05T09:00:00Z"));
            ws.sync().syncOnce(ws.client(), session);
            ws.workstation.lifecycle().markPerformed(ws.actor(), request.id(), Instant.parse("2026-03-05T09:20:00Z"));
            ws.sync().syncOnce(ws.client(), session);
            ws.workstation.readingLocks().acquire(ws.actor(), request.id(), Duration.ofMinutes(10));
            ws.workstation.assignments().assignToMe(ws.actor(), request.id());

            SyncReport last = ws.sync().syncOnce(ws.client(), session);

            assertThat(last.conflicts()).isZero();
            assertThat(shownInThePanel(ws, request.id())).isEmpty();
            assertThat(serverRequest(request).path("status").asText()).isEqualTo("performed");
            assertThat(serverRequest(request).path("scheduledAt").path("iso").asText()).isEqualTo("2026-03-05T09:00:00.000Z");
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void theAuthorsUnsignedDraftWinsAndASignedVersionNeverChanges(@TempDir Path a) {
        try (SyncedWorkstation ws = new SyncedWorkstation(a, store)) {
            CentralSession session = ws.signIn();
            ImagingRequest draftRequest = ws.request(accession(), "routine");
            ImagingRequest signedRequest = ws.request(accession(), "routine");
            ws.sync().syncOnce(ws.client(), session);
            String draft = report(ws, draftRequest.id(), "draft", "Local findings, typed offline");
            String signed = report(ws, signedRequest.id(), "draft", "Local draft never sent");
            String author = ws.userId;
            store.master("POST", "/classes/Report", store.json().createObjectNode().put("objectId", draft).put("authorId", author)
                    .put("status", "draft").put("findings", "Older findings on the server")
                    .set("request", pointer(draftRequest.id())));
            store.master("POST", "/classes/Report", store.json().createObjectNode().put("objectId", signed).put("authorId", author)
                    .put("status", "final").put("findings", "Signed on another workstation")
                    .set("request", pointer(signedRequest.id())));

            ws.sync().syncOnce(ws.client(), session);

            assertThat(findings(ws, draft)).isEqualTo("Local findings, typed offline");
            assertThat(findings(ws, signed)).isEqualTo("Signed on another workstation");
            assertThat(shownInThePanel(ws, draft)).extracting(SyncConflict::resolution).singleElement()
                    .satisfies(r -> assertThat(r).contains("unsigned draft"));
            assertThat(shownInThePanel(ws, signed)).singleElement().satisfies(c -> {
                assertThat(c.resolution()).contains("signed report never changes");
                assertThat(c.localValue()).contains("Local draft never sent");
            });
            assertThat(store.master("GET", "/classes/Report/" + draft, null).path("findings").asText())
                    .isEqualTo("Local findings, typed offline");
            assertThat(store.master("GET", "/classes/Report/" + signed, null).path("findings").asText())
                    .isEqualTo("Signed on another workstation");
        }
    }

    /** A routine request registered on {@code first}, with a scanner for it, and both workstations synced since. */
    private static SharedRequest requestOnBoth(SyncedWorkstation first, SyncedWorkstation second) {
        CentralSession firstSession = first.signIn();
        CentralSession secondSession = second.signIn();
        ImagingRequest request = first.request(accession(), "routine");
        String scanner = scanner(first);
        first.sync().syncOnce(first.client(), firstSession);
        second.sync().syncOnce(second.client(), secondSession);
        return new SharedRequest(request, scanner, firstSession, secondSession);
    }

    private record SharedRequest(ImagingRequest request, String scanner, CentralSession firstSession,
            CentralSession secondSession) {
    }

    /**
     * The conflicts the sync panel lists, read as the panel reads it; about {@code objectId} when given
     * (other tests' objects on the shared central store may bring conflicts of their own).
     */
    private static List<SyncConflict> shownInThePanel(SyncedWorkstation ws, String... objectId) {
        SyncPanelViewModel panel = new SyncPanelViewModel(ws.sync(), new CurrentThreadTaskExecutor(), ws.actor());
        panel.refresh();
        List<SyncConflict> shown = panel.conflicts().stream()
                .filter(c -> objectId.length == 0 || c.objectId().equals(objectId[0])).toList();
        panel.dispose();
        return shown;
    }

    private JsonNode serverRequest(ImagingRequest request) {
        return store.master("GET", "/classes/ImagingRequest/" + request.id(), null);
    }

    private static Optional<Instant> scheduledAt(SyncedWorkstation ws, ImagingRequest request) {
        return ws.workstation.database().read(c -> Sql.one(c, "SELECT scheduled_at FROM imaging_request WHERE id = ?",
                r -> Sql.instant(r, "scheduled_at"), request.id()));
    }

    private static String scanner(SyncedWorkstation ws) {
        return ws.workstation.facilities().addModality(ws.actor(), "CT-" + Ids.newId().substring(0, 6), ModalityType.of("CT"),
                null, null).id();
    }

    private static ImagingRequest performed(SyncedWorkstation ws) {
        ImagingRequest request = ws.request(accession(), "routine");
        ws.workstation.lifecycle().schedule(ws.actor(), request.id(), scanner(ws), Instant.parse("2026-03-02T09:00:00Z"));
        return ws.workstation.lifecycle().markPerformed(ws.actor(), request.id(), Instant.parse("2026-03-02T09:30:00Z"));
    }

    /** A report row and its queued update, as the report feature writes them. */
    private static String report(SyncedWorkstation ws, String requestId, String status, String findings) {
        String id = Ids.newId();
        ws.workstation.database().update(tx -> {
            Sql.update(tx, "INSERT INTO report(id, request_id, author_id, status, findings, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, requestId, ws.userId, status, findings, Instant.EPOCH, Instant.EPOCH);
            ws.workstation.outbox().enqueue(tx, "Report", id, Outbox.Operation.UPDATE,
                    ws.workstation.outbox().newPayload().put("findings", findings).put("status", status));
        });
        return id;
    }

    private static String findings(SyncedWorkstation ws, String reportId) {
        return ws.workstation.database().read(c -> Sql.one(c, "SELECT findings FROM report WHERE id = ?", r -> r.getString(1),
                reportId)).orElseThrow();
    }

    private JsonNode pointer(String requestId) {
        return store.json().createObjectNode().put("__type", "Pointer").put("className", "ImagingRequest").put("objectId", requestId);
    }

    private static String accession() {
        return "A" + Ids.newId().substring(0, 10);
    }
}
