package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.report.Report;
import org.lightbox.report.ReportSections;
import org.lightbox.report.SigningRequest;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** A reviewer finds the preliminary reports waiting for them on the worklist. */
class ReviewQueueTest {
    private static final SigningRequest NORMAL = new SigningRequest(new ReportSections("Headache.", "CT.", "None.",
            "No haemorrhage.", "Normal CT head."), false, null, false);

    @TempDir
    Path dir;
    ReadingRoom room;
    ImagingRequest forGrace;
    ImagingRequest forColin;
    ImagingRequest draft;

    @BeforeEach
    void residentSubmitsTwoReportsForReview() {
        room = new ReadingRoom(dir);
        forGrace = room.scannedStudy();
        forColin = room.scannedStudy();
        draft = room.scannedStudy();
        submit(forGrace, room.attending);
        submit(forColin, room.colleague);
        room.reporting().open(room.resident, draft.id());
    }

    @AfterEach
    void close() {
        room.close();
    }

    private void submit(ImagingRequest request, Actor reviewer) {
        Report report = room.reporting().open(room.resident, request.id()).report();
        room.reporting().submitForReview(room.resident, report.id(), reviewer.userId(), NORMAL, room.password());
    }

    private List<String> toReviewFor(Actor actor) {
        return new WorklistQuery(room.scenario.clock.getZone()).run(room.scenario.workstation.worklist().snapshot(),
                new WorklistFilter(false, false, null, StatusFilter.TO_REVIEW, null, null, ""), actor).stream()
                .map(WorklistEntry::requestId).toList();
    }

    @Test
    void eachReviewerFindsThePreliminaryReportsWaitingForThemUnderToReview() {
        assertThat(toReviewFor(room.attending)).containsExactly(forGrace.id());
        assertThat(toReviewFor(room.colleague)).containsExactly(forColin.id());
        assertThat(toReviewFor(room.admin)).containsExactlyInAnyOrder(forGrace.id(), forColin.id());
        assertThat(toReviewFor(room.resident)).isEmpty();
        assertThat(room.scenario.workstation.worklist().snapshot().entries()).filteredOn(e -> e.requestId().equals(forGrace.id()))
                .singleElement().satisfies(e -> assertThat(e.statusText()).isEqualTo("In review · " + room.attending.displayName()));
    }

    @Test
    void theReviewerPicksToReviewOnTheWorklistOpensTheReportAndItLeavesTheQueueOnceFinal() {
        CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
        List<WorklistEntry> opened = new ArrayList<>();
        WorklistViewModel model = new WorklistViewModel(room.scenario.workstation.worklist(), room.scenario.workstation.assignments(),
                tasks, room.scenario.clock, room.attending, opened::add, () -> { });
        model.refresh();

        model.statusProperty().set(StatusFilter.TO_REVIEW);

        assertThat(model.rows()).extracting(WorklistEntry::requestId).containsExactly(forGrace.id());
        assertThat(model.summaryProperty().get()).isEqualTo("1 request of 3");
        model.selectedProperty().set(model.rows().get(0));
        model.open();
        assertThat(opened).extracting(WorklistEntry::requestId).containsExactly(forGrace.id());

        Report report = room.reporting().open(room.attending, forGrace.id()).report();
        room.reporting().sign(room.attending, report.id(), NORMAL, room.password());
        tasks.tick();
        assertThat(model.rows()).isEmpty();
        model.dispose();
    }
}
