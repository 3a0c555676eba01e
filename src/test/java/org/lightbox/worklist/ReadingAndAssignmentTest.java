package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.Scenario;

class ReadingAndAssignmentTest {
    private static final Duration LEASE = Duration.ofMinutes(15);

    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor admin;
    private Actor okafor;
    private Actor lindqvist;
    private ImagingRequest study;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        admin = scenario.admin();
        okafor = scenario.user("okafor", Role.RADIOLOGIST);
        lindqvist = scenario.user("lindqvist", Role.RADIOLOGIST);
        study = scenario.performed(admin, "LB-1", "Moreau", "stat", Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private WorklistEntry entry() {
        return scenario.workstation.worklist().snapshot().entries().get(0);
    }

    @Test
    void aRadiologistTakesAStudyAndOthersSeeWhoHasIt() {
        scenario.workstation.assignments().assignToMe(okafor, study.id());
        assertThat(entry().assigneeName()).isEqualTo("Dr. Okafor");
        assertThatThrownBy(() -> scenario.workstation.assignments().assignToMe(lindqvist, study.id()))
                .hasMessage("Already assigned to Dr. Okafor; they or an administrator must release it first");
    }

    @Test
    void onlyTheAssigneeOrAnAdministratorReleasesAStudy() {
        scenario.workstation.assignments().assignToMe(okafor, study.id());
        assertThatThrownBy(() -> scenario.workstation.assignments().release(lindqvist, study.id()))
                .hasMessageContaining("only they or an administrator can release it");
        scenario.workstation.assignments().release(admin, study.id());
        assertThat(entry().assigneeId()).isNull();
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("worklist.unassigned");
    }

    @Test
    void anAdministratorAssignsOnlyToRadiologists() {
        Actor tech = scenario.user("rivera", Role.TECHNOLOGIST);
        assertThatThrownBy(() -> scenario.workstation.assignments().assignTo(admin, study.id(), tech.userId()))
                .hasMessage("Dr. Rivera is not a radiologist");
        assertThatThrownBy(() -> scenario.workstation.assignments().assignTo(okafor, study.id(), lindqvist.userId()))
                .isInstanceOf(PermissionDeniedException.class);
        scenario.workstation.assignments().assignTo(admin, study.id(), lindqvist.userId());
        assertThat(entry().assigneeId()).isEqualTo(lindqvist.userId());
    }

    @Test
    void theWorkstationItselfCannotTakeAStudyToRead() {
        assertThatThrownBy(() -> scenario.workstation.assignments().assignToMe(Actor.SYSTEM, study.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageStartingWith("Only a signed-in person may");
        assertThat(entry().assigneeId()).isNull();
    }

    @Test
    void aStudyWithoutImagesCannotBeTaken() {
        ImagingRequest waiting = scenario.request(admin, scenario.form("LB-2", "Novak"));
        assertThatThrownBy(() -> scenario.workstation.assignments().assignToMe(okafor, waiting.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("has no images yet");
    }

    @Test
    void oneReaderAtATimeAndTheOtherSeesWhoIsReading() {
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        assertThat(entry().readerAt(scenario.clock.instant())).isEqualTo("Dr. Okafor");
        assertThatThrownBy(() -> scenario.workstation.readingLocks().acquire(lindqvist, study.id(), LEASE))
                .isInstanceOf(ReadingLockedException.class).hasMessage("Being read by Dr. Okafor (lock expires at 09:15)");
    }

    @Test
    void aLeaseRenewedWhileReadingKeepsTheLockAndAnAbandonedOneExpires() {
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        scenario.clock.advance(Duration.ofMinutes(10));
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        scenario.clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> scenario.workstation.readingLocks().acquire(lindqvist, study.id(), LEASE))
                .isInstanceOf(ReadingLockedException.class);
        scenario.clock.advance(Duration.ofMinutes(6));
        assertThat(entry().readerAt(scenario.clock.instant())).isNull();
        scenario.workstation.readingLocks().acquire(lindqvist, study.id(), LEASE);
        assertThat(entry().readerAt(scenario.clock.instant())).isEqualTo("Dr. Lindqvist");
    }

    @Test
    void renewingALeaseWritesNoNewAuditEvent() {
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        long seq = scenario.workstation.auditTrail().latest(1).get(0).seq();
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).seq()).isEqualTo(seq);
    }

    @Test
    void onlyAnAdministratorBreaksSomeoneElsesLockAndSaysWhy() {
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        assertThatThrownBy(() -> scenario.workstation.readingLocks().breakLock(lindqvist, study.id(), "gone home"))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> scenario.workstation.readingLocks().breakLock(admin, study.id(), ""))
                .hasMessageContaining("Say why");
        scenario.workstation.readingLocks().breakLock(admin, study.id(), "Dr. Okafor went home");
        assertThat(entry().readerAt(scenario.clock.instant())).isNull();
        var event = scenario.workstation.auditTrail().latest(1).get(0);
        assertThat(event.action()).isEqualTo("worklist.lock_broken");
        assertThat(event.details()).contains(okafor.userId(), "Dr. Okafor went home");
    }

    @Test
    void signingOffAStudyReleasesItsLock() {
        scenario.workstation.readingLocks().acquire(okafor, study.id(), LEASE);
        scenario.workstation.database().update(tx -> {
            scenario.workstation.lifecycle().startReading(tx, okafor, study.id());
            scenario.workstation.lifecycle().markReported(tx, okafor, study.id());
        });
        assertThat(entry().lockHolderId()).isNull();
    }

    @Test
    void aTechnologistCannotTakeAReadingLock() {
        Actor tech = scenario.user("rivera", Role.TECHNOLOGIST);
        assertThatThrownBy(() -> scenario.workstation.readingLocks().acquire(tech, study.id(), LEASE))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
