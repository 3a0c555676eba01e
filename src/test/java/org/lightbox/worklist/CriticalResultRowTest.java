package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.CriticalResultNotice;
import org.lightbox.report.NotificationMethod;
import org.lightbox.report.Report;
import org.lightbox.report.ReportSections;
import org.lightbox.report.SigningRequest;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The worklist marks a critical result once a signed report records who was told, how and when; a
 * "critical" box ticked in a draft nobody has signed does not mark the row.
 */
@ExtendWith(ApplicationExtension.class)
class CriticalResultRowTest {
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final ReportSections BLEED = new ReportSections("Fall.", "CT head.", "None.", "Subdural collection.",
            "Acute subdural haematoma.");

    @TempDir
    static Path dir;
    ReadingRoom room;
    ImagingRequest signedCritical;
    ImagingRequest draftTicked;
    ImagingRequest normal;

    @Start
    void start(Stage stage) {
        room = new ReadingRoom(dir.resolve("room-" + System.nanoTime()));
        signedCritical = room.scannedStudy();
        draftTicked = room.scannedStudy();
        normal = room.scannedStudy();
        Report bleed = room.reporting().open(room.attending, signedCritical.id()).report();
        CriticalResultNotice told = new CriticalResultNotice("Dr. Lena Marsh", NotificationMethod.PHONE,
                room.scenario.clock.instant().minus(Duration.ofMinutes(2)));
        room.reporting().sign(room.attending, bleed.id(), new SigningRequest(BLEED, true, told, false), room.password());
        Report ticked = room.reporting().open(room.colleague, draftTicked.id()).report();
        room.reporting().saveDraft(room.colleague, ticked.id(), BLEED, true);

        WorklistViewModel model = new WorklistViewModel(room.scenario.workstation.worklist(), room.scenario.workstation.assignments(),
                new CurrentThreadTaskExecutor(), room.scenario.clock, room.admin, e -> { }, () -> { });
        model.refresh();
        WorklistView view = new WorklistView(model, room.scenario.clock.getZone());
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1200, 400));
        stage.show();
    }

    @AfterEach
    void close() {
        room.close();
    }

    private TableRow<?> rowOf(FxRobot robot, ImagingRequest request) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof WorklistEntry e && e.requestId().equals(request.id())).findFirst().orElseThrow();
    }

    @Test
    void onlyTheSignedCriticalResultStandsOutInTheThemesCriticalColour(FxRobot robot) {
        TableRow<?> critical = rowOf(robot, signedCritical);
        assertThat(critical.getPseudoClassStates()).contains(CRITICAL);
        assertThat(((WorklistEntry) critical.getItem()).statusText()).isEqualTo("Reported · CRITICAL");
        assertThat(critical.getBackground().getFills().get(0).getFill()).isEqualTo(Color.web("#3a1d20"));

        for (ImagingRequest plain : new ImagingRequest[] {draftTicked, normal}) {
            TableRow<?> row = rowOf(robot, plain);
            assertThat(row.getPseudoClassStates()).doesNotContain(CRITICAL);
            assertThat(((WorklistEntry) row.getItem()).statusText()).doesNotContain("CRITICAL");
            assertThat(row.getBackground() == null ? null : row.getBackground().getFills().get(0).getFill())
                    .isNotEqualTo(Color.web("#3a1d20"));
        }
    }
}
