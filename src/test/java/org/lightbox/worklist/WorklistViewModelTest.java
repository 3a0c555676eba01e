package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

class WorklistViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final List<WorklistEntry> opened = new ArrayList<>();
    private Actor admin;
    private Actor okafor;
    private ImagingRequest stat;
    private ImagingRequest routine;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        admin = scenario.admin();
        okafor = scenario.user("okafor", Role.RADIOLOGIST);
        routine = scenario.performed(admin, "LB-1", "Moreau", "routine", Duration.ofHours(1));
        stat = scenario.performed(admin, "LB-2", "Novak", "stat", Duration.ofMinutes(5));
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private WorklistViewModel modelFor(Actor actor) {
        WorklistViewModel model = new WorklistViewModel(scenario.workstation.worklist(), scenario.workstation.assignments(), tasks,
                scenario.clock, actor, opened::add, () -> { });
        model.refresh();
        return model;
    }

    @Test
    void aRadiologistStartsOnWhatIsWaitingToBeReadStatFirst() {
        scenario.request(admin, scenario.form("LB-3", "Rossi"));
        WorklistViewModel model = modelFor(okafor);
        assertThat(model.statusProperty().get()).isEqualTo(StatusFilter.TO_READ);
        assertThat(model.rows()).extracting(WorklistEntry::requestId).containsExactly(stat.id(), routine.id());
        assertThat(model.summaryProperty().get()).isEqualTo("2 requests of 3");
    }

    @Test
    void typingInTheSearchBoxNarrowsTheRowsAtOnce() {
        WorklistViewModel model = modelFor(okafor);
        model.searchProperty().set("novak");
        assertThat(model.rows()).extracting(WorklistEntry::requestId).containsExactly(stat.id());
        model.clearFilters();
        assertThat(model.rows()).hasSize(2);
    }

    @Test
    void assignToMeIsOfferedForAnUnassignedStudyAndThenReleaseIs() {
        WorklistViewModel model = modelFor(okafor);
        model.selectedProperty().set(model.rows().get(0));
        assertThat(model.canAssignToMeProperty().get()).isTrue();
        assertThat(model.canReleaseProperty().get()).isFalse();
        model.assignToMe();
        WorklistEntry mine = model.selectedProperty().get();
        assertThat(mine.assigneeName()).isEqualTo("Dr. Okafor");
        assertThat(model.canAssignToMeProperty().get()).isFalse();
        assertThat(model.canReleaseProperty().get()).isTrue();
        model.mineProperty().set(true);
        assertThat(model.rows()).extracting(WorklistEntry::requestId).containsExactly(stat.id());
    }

    @Test
    void aRefusalFromTheDomainShowsAsAMessage() {
        WorklistViewModel model = modelFor(okafor);
        model.selectedProperty().set(model.rows().get(0));
        Actor other = scenario.user("lindqvist", Role.RADIOLOGIST);
        scenario.workstation.assignments().assignToMe(other, stat.id());
        model.assignToMe();
        assertThat(model.messageProperty().get()).startsWith("Already assigned to Dr. Lindqvist");
    }

    @Test
    void changesSavedElsewhereAppearOnTheNextPoll() {
        WorklistViewModel model = modelFor(okafor);
        scenario.performed(admin, "LB-3", "Rossi", "urgent", Duration.ZERO);
        assertThat(model.rows()).hasSize(2);
        tasks.tick();
        assertThat(model.rows()).hasSize(3);
    }

    @Test
    void enterOpensTheSelectedRequest() {
        WorklistViewModel model = modelFor(okafor);
        model.open();
        assertThat(opened).isEmpty();
        model.selectedProperty().set(model.rows().get(1));
        model.open();
        assertThat(opened).extracting(WorklistEntry::requestId).containsExactly(routine.id());
    }

    @Test
    void theSelectionSurvivesAReload() {
        WorklistViewModel model = modelFor(okafor);
        model.selectedProperty().set(model.rows().get(1));
        model.refresh();
        assertThat(model.selectedProperty().get().requestId()).isEqualTo(routine.id());
    }

    @Test
    void onlySchedulersAndAdministratorsAreOfferedTheIntakeForm() {
        assertThat(modelFor(okafor).canCreateRequests()).isFalse();
        assertThat(modelFor(admin).canCreateRequests()).isTrue();
    }
}
