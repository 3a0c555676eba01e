package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestForm;
import org.lightbox.testing.Scenario;

class WorklistQueryTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor admin;
    private Actor okafor;
    private WorklistQuery query;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        admin = scenario.admin();
        okafor = scenario.user("okafor", Role.RADIOLOGIST);
        query = new WorklistQuery(scenario.clock.getZone());
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private List<String> accessionsFor(Actor actor, WorklistFilter filter) {
        return query.run(scenario.workstation.worklist().snapshot(), filter, actor).stream().map(WorklistEntry::accession).toList();
    }

    private static WorklistFilter status(StatusFilter s) {
        return new WorklistFilter(false, false, null, s, null, null, "");
    }

    private static WorklistFilter search(String text) {
        return new WorklistFilter(false, false, null, StatusFilter.ALL, null, null, text);
    }

    @Test
    void statComesFirstThenEverythingElseByDueTime() {
        // The routine study is overdue, so it is due before the STAT: STAT first must still win.
        ImagingRequest routineOld = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ofHours(25)); // 1 h overdue
        ImagingRequest urgent = scenario.performed(admin, "LB-2", "Bravo", "urgent", Duration.ofHours(1));      // due in 3 h
        ImagingRequest stat = scenario.performed(admin, "LB-3", "Charlie", "stat", Duration.ofMinutes(10));    // due in 50 min
        ImagingRequest routineNew = scenario.performed(admin, "LB-4", "Delta", "routine", Duration.ofMinutes(5));
        assertThat(accessionsFor(okafor, WorklistFilter.toRead())).containsExactly(stat.accession().value(),
                routineOld.accession().value(), urgent.accession().value(), routineNew.accession().value());
    }

    @Test
    void requestsWithoutImagesFollowInTheOrderTheyAreScheduledOrOrdered() {
        ImagingRequest waiting = scenario.request(admin, scenario.form("LB-9", "Echo"));
        ImagingRequest done = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ZERO);
        assertThat(accessionsFor(admin, status(StatusFilter.OPEN))).containsExactly(done.accession().value(), waiting.accession().value());
    }

    @Test
    void toReadShowsOnlyWhatAwaitsReading() {
        scenario.request(admin, scenario.form("LB-9", "Echo"));
        ImagingRequest done = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ZERO);
        assertThat(accessionsFor(okafor, WorklistFilter.toRead())).containsExactly(done.accession().value());
    }

    @Test
    void searchMatchesNameMrnOrAccessionInAnyCaseAndEveryWordMustMatch() {
        ImagingRequest moreau = scenario.performed(admin, "LB-100001", "Moreau", "routine", Duration.ZERO);
        ImagingRequest novak = scenario.performed(admin, "LB-200002", "Novak", "routine", Duration.ZERO);
        assertThat(accessionsFor(okafor, search("moreau"))).containsExactly(moreau.accession().value());
        assertThat(accessionsFor(okafor, search("200002"))).containsExactly(novak.accession().value());
        assertThat(accessionsFor(okafor, search(novak.accession().value().toLowerCase()))).containsExactly(novak.accession().value());
        assertThat(accessionsFor(okafor, search("novak alice"))).containsExactly(novak.accession().value());
        assertThat(accessionsFor(okafor, search("novak moreau"))).isEmpty();
    }

    @Test
    void mineAndUnassignedFollowTheAssignments() {
        ImagingRequest a = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ZERO);
        ImagingRequest b = scenario.performed(admin, "LB-2", "Bravo", "routine", Duration.ZERO);
        scenario.workstation.assignments().assignToMe(okafor, a.id());
        assertThat(accessionsFor(okafor, new WorklistFilter(true, false, null, StatusFilter.ALL, null, null, "")))
                .containsExactly(a.accession().value());
        assertThat(accessionsFor(okafor, new WorklistFilter(false, true, null, StatusFilter.ALL, null, null, "")))
                .containsExactly(b.accession().value());
    }

    @Test
    void modalityAndDateRangeNarrowTheList() {
        ImagingRequest ct = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ofDays(2));
        var f = scenario.form("LB-2", "Bravo");
        ImagingRequest mr = scenario.request(admin, new RequestForm(f.mrn(), f.familyName(), f.givenName(), f.birthDate(), f.sex(),
                f.accession(), f.orderingClinician(), "routine", "MR", "MR knee", "", null, null, null));
        assertThat(accessionsFor(admin, new WorklistFilter(false, false, ModalityType.MR, StatusFilter.ALL, null, null, "")))
                .containsExactly(mr.accession().value());
        LocalDate today = LocalDate.now(scenario.clock);
        assertThat(accessionsFor(admin, new WorklistFilter(false, false, null, StatusFilter.ALL, today, today, "")))
                .containsExactly(mr.accession().value());
        assertThat(accessionsFor(admin, new WorklistFilter(false, false, null, StatusFilter.ALL, null, today.minusDays(1), "")))
                .containsExactly(ct.accession().value());
    }

    @Test
    void aReferringPhysicianSeesOnlyReleasedRequests() {
        ImagingRequest released = scenario.performed(admin, "LB-1", "Alpha", "routine", Duration.ZERO);
        scenario.workstation.database().update(tx -> {
            scenario.workstation.lifecycle().startReading(tx, okafor, released.id());
            scenario.workstation.lifecycle().markReported(tx, okafor, released.id());
        });
        scenario.workstation.lifecycle().release(okafor, released.id());
        scenario.performed(admin, "LB-2", "Bravo", "stat", Duration.ZERO);
        Actor referrer = scenario.user("house", Role.REFERRING_PHYSICIAN);
        assertThat(accessionsFor(referrer, status(StatusFilter.ALL))).containsExactly(released.accession().value());
    }

    @Test
    void aFlaggedDuplicateShowsOnTheWorklist() {
        scenario.request(admin, scenario.form("LB-1", "Alpha"));
        ImagingRequest duplicate = scenario.request(admin, scenario.form("LB-1", "Alpha"));
        assertThat(scenario.workstation.worklist().snapshot().entries()).filteredOn(WorklistEntry::likelyDuplicate)
                .extracting(WorklistEntry::requestId).containsExactly(duplicate.id());
    }
}
