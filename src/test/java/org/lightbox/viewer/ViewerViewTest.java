package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.lightbox.viewer.testing.StoredStudies;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The viewer pane in a real JavaFX scene (headless Monocle), driven with mouse and keys as a radiologist would. */
@ExtendWith(ApplicationExtension.class)
class ViewerViewTest {
    @TempDir
    static Path dir;

    private Scenario scenario;
    private FxTaskExecutor tasks;
    private ViewerViewModel viewer;
    private ImagingRequest head;

    @Start
    void start(Stage stage) {
        scenario = new Scenario(dir.resolve("ws-" + System.nanoTime()));
        Actor admin = scenario.admin();
        head = scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(20));
        StoredStudies.store(scenario.workstation, head,
                StoredStudies.filesUnder(StoredStudies.sampleDicom().resolve("DEMO0001-ct-head")));
        tasks = new FxTaskExecutor();
        viewer = new ViewerViewModel(scenario.workstation.viewer(), tasks, scenario.user("grace"), ZoneOffset.UTC);
        ViewerView view = new ViewerView(viewer);
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> viewer.dispose()).get();
        tasks.shutdown();
        scenario.close();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private static javafx.scene.input.ScrollEvent wheelDown() {
        return new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, 100, 100, 100, 100, false, false,
                false, false, false, false, 0, -40, 0, -40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aRadiologistOpensTheStudyScrollsPicksAPresetMeasuresAndSeesTheOverlay(FxRobot robot) throws Exception {
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        ViewportViewModel viewport = viewer.viewports().get(0);
        waitUntil(() -> viewport.imageProperty().get() != null);

        // The overlay: who, which study, where in the stack, which window; O hides and shows it.
        assertThat(text(robot, "#overlay-top-left-0")).contains("MOREAU").contains("LB-100001");
        assertThat(text(robot, "#overlay-bottom-left-0")).startsWith("Im 1/24");
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isTrue();
        robot.clickOn("#viewport-0");
        robot.type(KeyCode.O);
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isFalse();
        robot.type(KeyCode.O);
        assertThat(robot.lookup("#overlay-top-left-0").query().isVisible()).isTrue();

        // Scroll with the wheel and the arrow keys.
        // Monocle's headless robot has no wheel: the wheel's events are delivered to the viewport as the toolkit would.
        javafx.scene.Node target = robot.lookup("#viewport-0").query();
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> javafx.event.Event.fireEvent(target, wheelDown()));
        }
        waitUntil(() -> text(robot, "#overlay-bottom-left-0").startsWith("Im 4/24"));
        robot.type(KeyCode.DOWN);
        assertThat(text(robot, "#overlay-bottom-left-0")).startsWith("Im 5/24");
        waitUntil(() -> viewport.currentFrame() != null);

        // Number key 4 is the lung window.
        robot.type(KeyCode.DIGIT4);
        assertThat(text(robot, "#overlay-bottom-right-0")).contains("C -600 W 1500");

        // D, then drag across the head: a distance in mm, saved.
        robot.type(KeyCode.D);
        Bounds bounds = robot.lookup("#viewport-0").query().localToScreen(
                robot.lookup("#viewport-0").query().getBoundsInLocal());
        Point2D centre = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        robot.drag(centre.add(-100, 0), MouseButton.PRIMARY).moveTo(centre.add(100, 0)).release(MouseButton.PRIMARY);
        waitUntil(() -> viewport.measurementsShown().size() == 1);
        assertThat(viewport.measurementsShown().get(0).result()).matches("\\d+\\.\\d mm");
        assertThat(scenario.workstation.viewer().measurements().forStudy(
                viewport.studyProperty().get().studyInstanceUid())).hasSize(1);
    }

    @Test
    void anImageThatCannotBeDecodedShowsItsReasonInTheViewport(FxRobot robot) throws Exception {
        robot.interact(() -> viewer.open(new RequestDetails(head, List.of())));
        ViewportViewModel viewport = viewer.viewports().get(0);
        waitUntil(() -> viewport.imageProperty().get() != null);
        StackImage last = viewport.seriesProperty().get().images().get(23);
        java.nio.file.Files.writeString(last.file(), "not DICOM at all");
        scenario.workstation.viewer().loader().cache().clear();
        robot.clickOn("#viewport-0").type(KeyCode.END);
        waitUntil(() -> text(robot, "#viewport-message-0").contains("cannot be shown"));
        assertThat(text(robot, "#viewport-message-0")).contains("not a DICOM file");
        robot.type(KeyCode.HOME);
        waitUntil(() -> viewport.imageProperty().get() != null && text(robot, "#viewport-message-0").isEmpty());
    }
}
