package org.lightbox.sync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.audit.AuditAction;
import org.lightbox.audit.AuditEvent;
import org.lightbox.audit.AuditVerifier;
import org.lightbox.audit.ChainCheck;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;
import org.lightbox.sync.CentralAuditTrail;
import org.lightbox.sync.CentralSession;
import org.lightbox.sync.CentralStoreClient;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.sync.SyncService;
import org.lightbox.sync.SyncTiming;
import org.lightbox.testing.MutableClock;

/**
 * A workstation on a real SQLite file, configured for the test run's central store, with an
 * administrator account on the server, and the checks every fault test ends with.
 */
public final class SyncedWorkstation implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";
    /** Retries within milliseconds: the fault tests restart the server many times. */
    public static final SyncTiming FAST = new SyncTiming(Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofMillis(300),
            Duration.ofSeconds(20));

    public final MutableClock clock = MutableClock.morning();
    public final Workstation workstation;
    public final CentralStoreServer store;
    public final String username;
    public final String userId;

    public SyncedWorkstation(Path dir, CentralStoreServer store) {
        this(dir, store, store.url());
    }

    /** Configured for {@code url}: the store itself, or a {@link FaultyLink} in front of it. */
    public SyncedWorkstation(Path dir, CentralStoreServer store, String url) {
        this.store = store;
        this.workstation = Workstation.open(new DataFolder(dir), clock, new PasswordHasher(1_000), FAST);
        this.username = "admin-" + Ids.newId().substring(0, 10).toLowerCase();
        this.userId = store.createUser(username, PASSWORD, "admin");
        configure(url);
    }

    /** The same data folder opened again after the workstation stopped (or was killed): nothing is re-configured. */
    public SyncedWorkstation(Path dir, CentralStoreServer store, String username, String userId) {
        this.store = store;
        this.workstation = Workstation.open(new DataFolder(dir), clock, new PasswordHasher(1_000), FAST);
        this.username = username;
        this.userId = userId;
    }

    public void configure(String url) {
        sync().configure(Actor.SYSTEM, new CentralStoreSettings(url, store.appId(), null));
    }

    public SyncService sync() {
        return workstation.sync();
    }

    public CentralStoreClient client() {
        return sync().client();
    }

    public CentralSession signIn() {
        return signIn(username);
    }

    /** Another account of the central store signs in here (its password is {@link #PASSWORD}). */
    public CentralSession signIn(String who) {
        return sync().accounts().signIn(client(), who, PASSWORD.toCharArray());
    }

    /** Someone signed in here, as the domain services see them. */
    public Actor actorOf(String who) {
        return workstation.users().findByUsername(who).orElseThrow().asActor();
    }

    /** The signed-in user as the domain services see them (cached from the central store by {@link #signIn()}). */
    public Actor actor() {
        return workstation.users().findByUsername(username).orElseThrow().asActor();
    }

    /** A new routine CT request registered on this workstation. */
    public org.lightbox.request.ImagingRequest request(String accession, String priority) {
        org.lightbox.request.RequestForm form = new org.lightbox.request.RequestForm("MRN-" + accession, "Lovelace", "Ada",
                "1954-03-12", "F", accession, "Dr. Marsh", priority, "CT", "CT head without contrast", "Headache", null, null, null);
        return ((org.lightbox.request.IntakeOutcome.Created) workstation.intake().submit(actor(), form, true)).request();
    }

    /** {@code count} audit events, as a busy reading room writes them, all waiting in the outbox. */
    public void queueAuditEvents(int count) {
        int done = 0;
        while (done < count) {
            int batch = Math.min(2_000, count - done);
            int start = done;
            workstation.database().update(tx -> {
                for (int i = 0; i < batch; i++) {
                    workstation.audit().append(tx, Actor.SYSTEM, Viewed.STUDY_VIEWED, "DicomStudy", "study-" + (start + i));
                }
            });
            done += batch;
        }
    }

    public long outboxSize() {
        return workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM outbox"));
    }

    public String workstationId() {
        return workstation.audit().workstation();
    }

    /** Every local audit event is on the server exactly once, in sequence order; both chains verify; the outbox is empty. */
    public void assertEverythingArrivedOnceInOrder() {
        List<AuditEvent> local = workstation.database().read(c -> Sql.list(c, "SELECT id, seq FROM audit_event ORDER BY seq",
                r -> new AuditEvent(r.getLong(2), r.getString(1), null, null, null, null, null, null, null, null, null, null)));
        List<JsonNode> remote = store.auditEventsOf(workstationId());
        assertThat(outboxSize()).as("changes left in the outbox").isZero();
        assertThat(store.count("AuditEvent", "{\"workstation\":\"" + workstationId() + "\"}"))
                .as("audit events on the server").isEqualTo(local.size());
        assertThat(remote.stream().map(e -> e.path("sequence").asLong()).toList())
                .as("sequence numbers on the server").isEqualTo(local.stream().map(AuditEvent::seq).toList());
        Set<String> remoteIds = remote.stream().map(e -> e.path("objectId").asText()).collect(Collectors.toSet());
        assertThat(remoteIds).containsExactlyInAnyOrderElementsOf(local.stream().map(AuditEvent::id).toList());
        assertThat(workstation.auditTrail().verify().isIntact()).as("local chain intact").isTrue();
        CentralSession admin = signIn();
        ChainCheck onServer = new AuditVerifier().verify(CentralAuditTrail.events(client(), admin, workstationId()));
        assertThat(onServer.problem()).isNull();
        assertThat(onServer.eventsChecked()).isEqualTo(local.size());
    }

    @Override
    public void close() {
        workstation.close();
    }

    /** The action the tests fill the outbox with. */
    enum Viewed implements AuditAction {
        STUDY_VIEWED("study.viewed");

        private final String code;

        Viewed(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
