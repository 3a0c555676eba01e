package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sync panel in a real JavaFX scene (headless Monocle), as a radiologist sees it: a change the
 * central store refused, a conflict to acknowledge, a change received that could not be applied yet.
 */
@ExtendWith(ApplicationExtension.class)
class SyncPanelViewTest {
    @TempDir
    static Path dir;
    Scenario scenario;
    SyncPanelViewModel model;
    Scene scene;

    @Start
    void showThePanel(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory(dir, "ws"));
        Actor radiologist = scenario.user("grace", Role.RADIOLOGIST);
        SyncService sync = scenario.workstation.sync();
        List<OutboxItem> queued = sync.pending().nextWaiting(10);
        sync.pending().refused(queued.get(0).seq(), "119: Only the assigned radiologist may edit this draft");
        scenario.workstation.database().update(tx -> {
            sync.conflicts().record(tx, "ImagingRequest", "Rq7Tq2m9XbP0aLkD3sWe", List.of("scheduledAt"),
                    Map.of("scheduledAt", "2026-03-03T15:00:00Z"), Map.of("scheduledAt", "2026-03-03T08:00:00Z"),
                    ConflictLog.Resolution.SERVER_WINS_SCHEDULING);
            sync.parked().park(tx, "Report", scenario.workstation.json().createObjectNode().put("objectId", "Rp2Hc8LmQ0zXv5NtYw1K"),
                    "its imaging request Zq1 is not on this workstation yet");
        });
        model = new SyncPanelViewModel(sync, new CurrentThreadTaskExecutor(), radiologist);
        SyncPanelView view = new SyncPanelView(model, ZoneId.of("Europe/Paris"), stage::close);
        Stylesheets.theme(view);
        scene = new Scene(view, 1300, 640);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        model.dispose();
        scenario.close();
    }

    @Test
    void aRadiologistReadsWhatWaitsWhatWasRefusedAndWhatCameInAndAcknowledgesTheConflict(FxRobot robot) throws Exception {
        TableView<?> items = robot.lookup("#sync-items").queryTableView();
        TableView<?> conflicts = robot.lookup("#sync-conflicts").queryTableView();
        TableView<?> parked = robot.lookup("#sync-parked").queryTableView();
        assertThat(robot.lookup("#sync-summary").queryAs(Label.class).getText())
                .startsWith(items.getItems().size() - 1 + " waiting, 1 refused, 1 conflicts to review, 1 received but not applied yet");
        assertThat(((OutboxItem) items.getItems().get(0)).lastError()).contains("assigned radiologist");
        assertThat(((ParkedChange) parked.getItems().get(0)).reason()).contains("not on this workstation yet");
        assertThat(robot.lookup("#sync-retry-refused").queryAs(Button.class).isDisabled())
                .as("retrying refused changes is for administrators").isTrue();
        snapshot(Path.of("target", "screenshots", "sync-panel.png"));

        robot.interact(() -> conflicts.getSelectionModel().select(0));
        robot.clickOn(conflicts).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(conflicts.getItems()).isEmpty();
        assertThat(scenario.workstation.auditTrail().latest(5)).anyMatch(e -> e.action().equals("sync.conflict_acknowledged"));
    }

    /** For looking at the panel: target/screenshots/sync-panel.png. */
    private void snapshot(Path png) throws Exception {
        Files.createDirectories(png.getParent());
        BufferedImage[] image = new BufferedImage[1];
        Platform.runLater(() -> image[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        WaitForAsyncUtils.waitForFxEvents();
        ImageIO.write(image[0], "png", png.toFile());
    }
}
