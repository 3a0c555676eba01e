package org.lightbox.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.IllegalTransitionException;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;
import org.lightbox.worklist.DueTimeRules;
import org.lightbox.worklist.WorklistEntry;

class RequestLifecycleTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private RequestLifecycle lifecycle;
    private Actor scheduler;
    private Actor technologist;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        lifecycle = scenario.workstation.lifecycle();
        scheduler = scenario.user("marsh", Role.SCHEDULER);
        technologist = scenario.user("rivera", Role.TECHNOLOGIST);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private ImagingRequest scheduled(String priority) {
        var f = scenario.form("LB-1", "Moreau");
        ImagingRequest r = scenario.request(scheduler, new RequestForm(f.mrn(), f.familyName(), f.givenName(), f.birthDate(),
                f.sex(), f.accession(), f.orderingClinician(), priority, f.modality(), f.description(), f.clinicalIndication(),
                null, null, null));
        return lifecycle.schedule(scheduler, r.id(), scenario.scanner(ModalityType.CT), scenario.clock.instant().plusSeconds(600));
    }

    private WorklistEntry entry(String requestId) {
        return scenario.workstation.worklist().snapshot().entries().stream()
                .filter(e -> e.requestId().equals(requestId)).findFirst().orElseThrow();
    }

    @Test
    void aPerformedStatRequestReachesTheWorklistDueInOneHour() {
        ImagingRequest r = scheduled("stat");
        Instant scanned = scenario.clock.instant();
        lifecycle.markPerformed(technologist, r.id(), scanned);
        WorklistEntry e = entry(r.id());
        assertThat(e.status()).isEqualTo(RequestStatus.PERFORMED);
        assertThat(e.dueAt()).isEqualTo(scanned.plus(Duration.ofHours(1)));
    }

    @Test
    void urgentIsDueInFourHoursAndRoutineInADayByDefault() {
        assertThat(DueTimeRules.DEFAULTS.dueAfter(org.lightbox.domain.Priority.URGENT)).isEqualTo(Duration.ofHours(4));
        assertThat(DueTimeRules.DEFAULTS.dueAfter(org.lightbox.domain.Priority.ROUTINE)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void dueTimesFollowTheConfiguredRules() {
        scenario.workstation.settings().write(DueTimeRules.KEY, new DueTimeRules(30, 120, 600));
        ImagingRequest r = scheduled("routine");
        Instant scanned = scenario.clock.instant();
        lifecycle.markPerformed(technologist, r.id(), scanned);
        assertThat(entry(r.id()).dueAt()).isEqualTo(scanned.plus(Duration.ofMinutes(600)));
    }

    @Test
    void aRequestCannotBePerformedBeforeItIsScheduled() {
        ImagingRequest r = scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        assertThatThrownBy(() -> lifecycle.markPerformed(technologist, r.id(), scenario.clock.instant()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("A requested request cannot become performed (from requested it can become: scheduled, cancelled)");
        assertThat(entry(r.id()).dueAt()).isNull();
    }

    @Test
    void aRefusedMoveChangesNothingAndWritesNoAuditEvent() {
        ImagingRequest r = scheduled("routine");
        long events = scenario.workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM audit_event"));
        assertThatThrownBy(() -> lifecycle.release(scenario.admin(), r.id())).isInstanceOf(IllegalTransitionException.class);
        long after = scenario.workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM audit_event"));
        assertThat(after).isEqualTo(events + 1); // only the admin account's creation
        assertThat(entry(r.id()).status()).isEqualTo(RequestStatus.SCHEDULED);
    }

    @Test
    void onlyTechnologistsAndAdministratorsRegisterScans() {
        ImagingRequest r = scheduled("routine");
        Actor radiologist = scenario.user("okafor", Role.RADIOLOGIST);
        assertThatThrownBy(() -> lifecycle.markPerformed(radiologist, r.id(), scenario.clock.instant()))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Dr. Okafor (Radiologist) may not register completed scans");
    }

    @Test
    void cancellingNeedsAReasonAndAPermission() {
        ImagingRequest r = scheduled("routine");
        assertThatThrownBy(() -> lifecycle.cancel(scheduler, r.id(), " ")).isInstanceOf(DomainException.class)
                .hasMessage("Say why the request is cancelled");
        assertThatThrownBy(() -> lifecycle.cancel(technologist, r.id(), "wrong patient"))
                .isInstanceOf(PermissionDeniedException.class);
        lifecycle.cancel(scheduler, r.id(), "Patient discharged");
        assertThat(entry(r.id()).status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).details()).contains("Patient discharged");
    }

    @Test
    void theWholeLifeOfARequestIsAuditedStepByStep() {
        ImagingRequest r = scheduled("urgent");
        Actor radiologist = scenario.user("okafor", Role.RADIOLOGIST);
        lifecycle.markPerformed(technologist, r.id(), scenario.clock.instant());
        scenario.workstation.database().update(tx -> {
            lifecycle.startReading(tx, radiologist, r.id());
            lifecycle.markReported(tx, radiologist, r.id());
        });
        lifecycle.release(radiologist, r.id());
        assertThat(entry(r.id()).status()).isEqualTo(RequestStatus.RELEASED);
        var changes = scenario.workstation.database().read(c -> Sql.list(c,
                "SELECT details FROM audit_event WHERE action = 'request.status_changed' AND target_id = ? ORDER BY seq",
                row -> row.getString(1), r.id()));
        assertThat(changes).hasSize(5);
        assertThat(changes.get(0)).contains("\"to\":\"scheduled\"");
        assertThat(changes.get(4)).contains("\"from\":\"reported\"", "\"to\":\"released\"");
    }
}
