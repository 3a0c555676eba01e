package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.testing.WindowWait;
import org.lightbox.ui.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A fault no code catches, in the real window: the user is told calmly, the window carries on, the log has the stack. */
@ExtendWith(ApplicationExtension.class)
class UncaughtErrorDialogTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;
    private Thread.UncaughtExceptionHandler previous;
    private Path logFile;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-fault"));
        scenario.user("okafor", Role.RADIOLOGIST);
        Actor admin = scenario.admin();
        scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(40));
        scenario.performed(admin, "LB-100002", "Novak", "urgent", Duration.ofHours(1));
        logFile = LogFiles.writeInto(scenario.workstation.folder());
        tasks = new FxTaskExecutor();
        Scene scene = new Scene(new ShellView(new ShellViewModel(scenario.workstation, tasks), scenario.clock.getZone()), 1400, 900);
        // A key handler with a bug in it: F12 throws, as a real fault would, from inside the event dispatch.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F12) {
                faultyHandler();
            }
        });
        stage.setScene(scene);
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(new ErrorDialog(() -> stage, () -> logFile), scenario.clock));
        stage.show();
    }

    private static void faultyHandler() {
        throw new IllegalStateException("Simulated fault in a key handler");
    }

    @AfterEach
    void close() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
        LogFiles.reset();
        tasks.shutdown();
        scenario.close();
    }


    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aFaultInAnEventHandlerIsToldCalmlyOnceTheWindowCarriesOnAndTheLogHasTheStack(FxRobot robot) throws Exception {
        robot.clickOn("#username").write("okafor");
        robot.clickOn("#password").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        WindowWait.until(() -> robot.lookup("#worklist-table").tryQuery().isPresent()
                && robot.lookup("#worklist-table").queryAs(TableView.class).getItems().size() == 2, "the worklist");
        robot.clickOn("#worklist-table");
        WindowWait.until(() -> robot.lookup("#worklist-table").query().isFocused(), "the worklist has the keyboard");

        robot.type(KeyCode.F12);
        WindowWait.until(() -> robot.lookup("#error-dialog").tryQuery().isPresent(), "the error dialog");
        assertThat(text(robot, "#error-dialog-headline")).isEqualTo(
                "An unexpected error (IllegalStateException: Simulated fault in a key handler) interrupted what Lightbox was doing.");
        assertThat(text(robot, "#error-dialog-drafts")).contains("nothing you typed is lost");
        assertThat(text(robot, "#error-dialog-log")).endsWith(logFile.toString());
        assertThat(text(robot, "#error-dialog-next")).contains("carry on", "start it again", "tell your administrator");

        // The same fault again, while the dialog is open: counted in it, no second dialog.
        Platform.runLater(UncaughtErrorDialogTest::faultyHandler);
        WindowWait.until(() -> robot.lookup("#error-dialog-more").query().isVisible(), "the repeat counted");
        assertThat(robot.lookup("#error-dialog").queryAll()).hasSize(1);
        assertThat(text(robot, "#error-dialog-more")).isEqualTo("It happened once more since; that is in the log too.");

        robot.clickOn("#error-dialog-carry-on");
        WindowWait.until(() -> robot.lookup("#error-dialog").tryQuery().isEmpty(), "the dialog closed");
        WindowWait.until(() -> robot.lookup("#worklist-table").query().isFocused(), "the keyboard back on the worklist");
        robot.type(KeyCode.SLASH).write("novak");
        WindowWait.until(() -> robot.lookup("#worklist-table").queryAs(TableView.class).getItems().size() == 1, "the search still works");
        assertThat(robot.lookup("#worklist-search").queryAs(TextField.class).getText()).isEqualTo("novak");

        // Right after it was told, the same fault is only logged: no dialog storm.
        robot.clickOn("#worklist-table").type(KeyCode.F12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#error-dialog").tryQuery()).isEmpty();

        String logged = Files.readString(logFile);
        assertThat(logged).contains("ERROR", "Uncaught error on thread JavaFX Application Thread",
                "java.lang.IllegalStateException: Simulated fault in a key handler",
                "at org.lightbox.app.UncaughtErrorDialogTest.faultyHandler", "The same error again");
    }
}
