package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.auth.LockScreenView;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A locked workstation shows nothing of a patient and lets no key through, dialogs included. */
@ExtendWith(ApplicationExtension.class)
class LockedWindowTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;
    private Stage window;
    private ShellViewModel shell;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-lock"));
        Actor admin = scenario.admin();
        scenario.user("okafor", Role.RADIOLOGIST);
        scenario.user("marsh", Role.SCHEDULER);
        scenario.performed(admin, "LB-200001", "Moreau", "stat", Duration.ofMinutes(40));
        scenario.performed(admin, "LB-200002", "Novak", "urgent", Duration.ofHours(1));
        tasks = new FxTaskExecutor();
        window = stage;
        shell = new ShellViewModel(scenario.workstation, tasks);
        stage.setScene(new Scene(new ShellView(shell, scenario.clock.getZone()), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        scenario.close();
    }

    @Test
    void tabAndEnterOnTheLockScreenNeverReachTheWorklistBehindIt(FxRobot robot) {
        signIn(robot, "okafor");
        lock(robot);
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);
            assertThat(isInsideLockScreen(window.getScene().getFocusOwner()))
                    .as("focus after %d Tab(s) is %s", i + 1, window.getScene().getFocusOwner()).isTrue();
        }
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shows(robot.lookup("#worklist-table").query())).as("the worklist shows behind the lock").isFalse();
        unlock(robot);
        assertThat(robot.lookup("#report-patient").queryAs(Label.class).getText())
                .as("a study was opened while the workstation was locked").doesNotContain("MOREAU").doesNotContain("NOVAK");
        assertThat(shows(robot.lookup("#worklist-table").query())).isTrue();
    }

    @Test
    void aFormLeftOpenGoesOutOfSightWhileLockedAndComesBackWithWhatWasTyped(FxRobot robot) {
        signIn(robot, "marsh");
        robot.clickOn("#new-request");
        waitUntil(() -> robot.lookup("#intake-mrn").tryQuery().isPresent());
        robot.clickOn("#intake-mrn").write("LB-31337");

        // The idle lock (or an expired central-store session) closes in while the form is open.
        robot.interact(() -> lockFromModel());
        waitUntil(() -> robot.lookup("#unlock-password").tryQuery().isPresent());
        assertThat(intakeFormWindow()).as("the form is still on screen over the lock").isNull();

        robot.clickOn("#unlock-password").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> intakeFormWindow() != null);
        assertThat(robot.lookup("#intake-mrn").queryAs(TextField.class).getText()).isEqualTo("LB-31337");
    }

    @Test
    void signingOutFromTheLockScreenClosesTheFormsThatWereOpen(FxRobot robot) {
        signIn(robot, "marsh");
        robot.clickOn("#new-request");
        waitUntil(() -> robot.lookup("#intake-mrn").tryQuery().isPresent());
        robot.interact(() -> lockFromModel());
        waitUntil(() -> robot.lookup("#lock-sign-out").tryQuery().isPresent());
        robot.clickOn("#lock-sign-out");
        waitUntil(() -> robot.lookup("#username").tryQuery().isPresent());
        assertThat(intakeFormWindow()).isNull();
        assertThat(Window.getWindows().stream().filter(w -> w != window && w.isShowing()).count()).isZero();
    }

    @Test
    void controlShiftQSignsOutFromTheKeyboard(FxRobot robot) {
        signIn(robot, "okafor");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Q).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#username").tryQuery().isPresent());
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("auth.signed_out");
    }

    private void lockFromModel() {
        shell.lock("idle for 10 min");
    }

    private static Window intakeFormWindow() {
        return Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && "New imaging request".equals(s.getTitle())).findFirst().orElse(null);
    }

    /** Whether the node is on screen: it and every parent visible. */
    private static boolean shows(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInsideLockScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof LockScreenView) {
                return true;
            }
        }
        return false;
    }

    private void signIn(FxRobot robot, String username) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(Scenario.PASSWORD);
        robot.clickOn("#sign-in");
        waitUntil(() -> robot.lookup("#signed-in-user").tryQuery().isPresent());
    }

    private void lock(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#unlock-password").tryQuery().isPresent());
    }

    private void unlock(FxRobot robot) {
        robot.clickOn("#unlock-password").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#unlock-password").tryQuery().isEmpty());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("The window did not get there in 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
