package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/** Changes travel both ways: pushed from the outbox with the workstation's ids, pulled since a cursor, conflicts settled by rule. */
@ExtendWith(CentralStoreExtension.class)
class PushAndPullTest {
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void aRegisteredAndPerformedRequestReachesTheServerUnderItsOwnIds(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CentralSession session = ws.signIn();
            ImagingRequest request = ws.request(accession(), "stat");
            String scanner = ws.workstation.facilities().addModality(ws.actor(), "CT-" + Ids.newId().substring(0, 6),
                    ModalityType.of("CT"), null, null).id();
            ws.workstation.lifecycle().schedule(ws.actor(), request.id(), scanner, Instant.parse("2026-03-02T08:00:00Z"));
            ws.workstation.lifecycle().markPerformed(ws.actor(), request.id(), Instant.parse("2026-03-02T08:20:00Z"));

            SyncReport report = ws.sync().syncOnce(ws.client(), session);

            assertThat(report.push().refused()).isZero();
            JsonNode onServer = store.master("GET", "/classes/ImagingRequest/" + request.id(), null);
            assertThat(onServer.path("status").asText()).isEqualTo("performed");
            assertThat(onServer.path("priority").asText()).isEqualTo("stat");
            assertThat(onServer.path("scheduledModalityId").asText()).isEqualTo(scanner);
            assertThat(store.count("WorklistItem", "{\"request\":{\"__type\":\"Pointer\",\"className\":\"ImagingRequest\","
                    + "\"objectId\":\"" + request.id() + "\"}}")).isEqualTo(1);
            ws.assertEverythingArrivedOnceInOrder();
        }
    }

    @Test
    void aCreateSentAgainIsRecognisedAsAlreadyThere(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CentralSession session = ws.signIn();
            ws.sync().syncOnce(ws.client(), session);
            String id = Ids.newId();
            enqueue(ws, "ImagingCenter", id, Outbox.Operation.CREATE, "{\"name\":\"North " + id + "\"}");
            enqueue(ws, "ImagingCenter", id, Outbox.Operation.CREATE, "{\"name\":\"North " + id + "\"}");

            PushReport pushed = ws.sync().pusher(50).push(ws.client(), session);

            assertThat(pushed.delivered()).isEqualTo(1);
            assertThat(pushed.alreadyThere()).isEqualTo(1);
            assertThat(pushed.requests()).as("never two changes of one object in one batch").isEqualTo(2);
            assertThat(store.count("ImagingCenter", "{\"objectId\":\"" + id + "\"}")).isEqualTo(1);
            assertThat(ws.outboxSize()).isZero();
        }
    }

    @Test
    void aRefusedChangeIsSetAsideWithItsErrorAndLaterChangesOfThatObjectWaitBehindIt(@TempDir Path dir) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            CentralSession session = ws.signIn();
            String report = Ids.newId();
            enqueue(ws, "Report", report, Outbox.Operation.CREATE, "{\"authorId\":\"someone-else\",\"status\":\"draft\"}");
            enqueue(ws, "Report", report, Outbox.Operation.UPDATE, "{\"findings\":\"More\"}");
            ws.queueAuditEvents(3);

            PushReport pushed = ws.sync().pusher(50).push(ws.client(), session);

            assertThat(pushed.refused()).isEqualTo(1);
            assertThat(ws.sync().pending().refused()).isEqualTo(1);
            assertThat(ws.sync().pending().waiting()).as("the update waits behind the refused create").isEqualTo(1);
            List<OutboxItem> listed = ws.sync().pending().listed(10);
            assertThat(listed.get(0).failed()).isTrue();
            assertThat(listed.get(0).lastError()).contains("119").contains("assigned radiologist");
            assertThat(store.count("AuditEvent", "{\"workstation\":\"" + ws.workstationId() + "\"}")).isEqualTo(4);

            assertThat(ws.sync().pending().retryRefused(ws.actor())).isEqualTo(1);
            assertThat(ws.sync().pending().waiting()).as("both changes, and the audit event of the retry").isEqualTo(3);
        }
    }

    @Test
    void anotherWorkstationPullsRequestsAndWorklistItemsSinceItsCursor(@TempDir Path a, @TempDir Path b) {
        try (SyncedWorkstation first = new SyncedWorkstation(a, store); SyncedWorkstation second = new SyncedWorkstation(b, store)) {
            CentralSession firstSession = first.signIn();
            String readerName = "reader-" + Ids.newId().substring(0, 8).toLowerCase();
            String readerId = store.createUser(readerName, SyncedWorkstation.PASSWORD, "radiologist");
            first.sync().syncOnce(first.client(), firstSession);
            ImagingRequest request = first.request(accession(), "urgent");
            String scanner = first.workstation.facilities().addModality(first.actor(), "CT-" + Ids.newId().substring(0, 6),
                    ModalityType.of("CT"), null, null).id();
            first.workstation.lifecycle().schedule(first.actor(), request.id(), scanner, Instant.parse("2026-03-02T09:00:00Z"));
            first.workstation.lifecycle().markPerformed(first.actor(), request.id(), Instant.parse("2026-03-02T09:30:00Z"));
            first.workstation.assignments().assignTo(first.actor(), request.id(), readerId);
            first.sync().syncOnce(first.client(), firstSession);

            CentralSession secondSession = second.signIn();
            SyncReport pulled = second.sync().syncOnce(second.client(), secondSession);
            SyncReport again = second.sync().syncOnce(second.client(), secondSession);

            assertThat(pulled.pulled().get("ImagingRequest")).isGreaterThanOrEqualTo(1);
            java.util.Optional<String> row = second.workstation.database().read(c -> Sql.one(c,
                    "SELECT r.status || ' ' || p.mrn || ' ' || w.due_at FROM imaging_request r JOIN patient p ON p.id = r.patient_id"
                            + " JOIN worklist_item w ON w.request_id = r.id WHERE r.id = ?", x -> x.getString(1), request.id()));
            assertThat(row).hasValueSatisfying(r -> assertThat(r).startsWith("performed " + request.patient().mrn().value()));
            assertThat(again.pulled().get("ImagingRequest")).as("nothing new the second time").isZero();
            java.util.Optional<String> assignee = second.workstation.database().read(c -> Sql.one(c,
                    "SELECT assignee_id FROM worklist_item WHERE request_id = ?", r -> r.getString(1), request.id()));
            assertThat(assignee).contains(readerId);
            assertThat(second.workstation.users().findById(readerId)).hasValueSatisfying(u -> {
                assertThat(u.username()).isEqualTo(readerName);
                assertThat(u.roles()).containsExactly(org.lightbox.domain.Role.RADIOLOGIST);
            });
        }
    }

    private static void enqueue(SyncedWorkstation ws, String className, String id, Outbox.Operation op, String payload) {
        com.fasterxml.jackson.databind.node.ObjectNode body;
        try {
            body = (com.fasterxml.jackson.databind.node.ObjectNode) ws.workstation.json().readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        ws.workstation.database().update(tx -> ws.workstation.outbox().enqueue(tx, className, id, op, body));
    }

    private static String accession() {
        return "A" + Ids.newId().substring(0, 10);
    }

    static Duration minutes(int m) {
        return Duration.ofMinutes(m);
    }
}
