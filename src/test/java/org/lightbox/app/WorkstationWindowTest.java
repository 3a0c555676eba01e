package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: what a radiologist and a scheduler do in their first minute. */
@ExtendWith(ApplicationExtension.class)
class WorkstationWindowTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-ui"));
        Actor admin = scenario.admin();
        scenario.user("okafor", Role.RADIOLOGIST);
        scenario.user("marsh", Role.SCHEDULER);
        scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(40));
        scenario.performed(admin, "LB-100002", "Novak", "urgent", Duration.ofHours(1));
        scenario.performed(admin, "LB-100003", "Rossi", "routine", Duration.ofHours(25));
        tasks = new FxTaskExecutor();
        stage.setScene(new Scene(new ShellView(new ShellViewModel(scenario.workstation, tasks), scenario.clock.getZone()), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        scenario.close();
    }

    private void signIn(FxRobot robot, String username) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(Scenario.PASSWORD);
        robot.clickOn("#sign-in");
        waitUntil(() -> robot.lookup("#signed-in-user").tryQuery().isPresent());
    }

    private static void waitUntil(BooleanSupplier condition) {
        waitUntil(condition, () -> "");
    }

    private static void waitUntil(BooleanSupplier condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The window did not get there in 15 s " + state.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableView<?> worklist(FxRobot robot) {
        return robot.lookup("#worklist-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aWrongPasswordIsSaidCalmlyAndNothingOpens(FxRobot robot) {
        robot.clickOn("#username").write("okafor");
        robot.clickOn("#password").write("not my password");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !text(robot, "#sign-in-message").isEmpty());
        assertThat(text(robot, "#sign-in-message")).isEqualTo("Unknown username or wrong password");
        assertThat(robot.lookup("#worklist-table").tryQuery()).isEmpty();
    }

    @Test
    void aRadiologistSignsInSearchesTheWorklistAndOpensAStudy(FxRobot robot) {
        signIn(robot, "okafor");
        assertThat(text(robot, "#signed-in-user")).isEqualTo("Dr. Okafor  ·  Radiologist");
        waitUntil(() -> worklist(robot).getItems().size() == 3);

        robot.type(KeyCode.SLASH);
        robot.write("novak");
        TextField search = robot.lookup("#worklist-search").queryAs(TextField.class);
        waitUntil(() -> worklist(robot).getItems().size() == 1,
                () -> "search box holds \"" + search.getText() + "\", focused: " + search.isFocused() + ", rows: "
                        + worklist(robot).getItems().size());
        assertThat(text(robot, "#worklist-summary")).isEqualTo("1 request of 3");

        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "NOVAK, Alice".equals(text(robot, "#report-patient")));
    }

    @Test
    void afterSignInTheKeyboardIsOnTheWorklistSoEnterOpensTheFirstStudy(FxRobot robot) {
        signIn(robot, "okafor");
        waitUntil(() -> worklist(robot).getItems().size() == 3);
        // The scene settles its focus over a pulse or two after the sign-in screen goes; the reader starts typing after that.
        waitUntil(() -> robot.lookup("#worklist-table").query().isFocused(),
                () -> "the keyboard is on " + robot.lookup("#worklist-table").query().getScene().getFocusOwner());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "MOREAU, Alice".equals(text(robot, "#report-patient")));
    }

    @Test
    void theOverdueAndStatStudiesStandOut(FxRobot robot) {
        signIn(robot, "okafor");
        waitUntil(() -> worklist(robot).getItems().size() == 3);
        assertThat(robot.lookup(".priority-label-stat").queryAll()).hasSize(1);
        assertThat(robot.lookup(".due-soon").queryLabeled().getText()).isEqualTo("in 20 min");
        assertThat(robot.lookup(".due-overdue").queryLabeled().getText()).isEqualTo("overdue 1h 00m");
    }

    @Test
    void aBadIntakeFormShowsTheProblemBesideTheField(FxRobot robot) {
        signIn(robot, "marsh");
        robot.clickOn("#new-request");
        waitUntil(() -> robot.lookup("#intake-mrn").tryQuery().isPresent());
        robot.clickOn("#intake-mrn").write("LB-777");
        robot.clickOn("#intake-family-name").write("Haddad");
        robot.clickOn("#intake-birth-date").write("2099-01-01");
        robot.clickOn("#intake-create");
        waitUntil(() -> !text(robot, "#error-birthDate").isEmpty());
        assertThat(text(robot, "#error-birthDate")).isEqualTo("Birth date 2099-01-01 is in the future");
        assertThat(text(robot, "#error-sex")).startsWith("Sex is required");
        assertThat(text(robot, "#error-familyName")).isEmpty();
        assertThat(scenario.workstation.worklist().snapshot().size()).isEqualTo(3);
    }

    @Test
    void controlLLocksTheWorkstationUntilThePasswordIsTyped(FxRobot robot) {
        signIn(robot, "okafor");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#unlock-password").tryQuery().isPresent());
        robot.clickOn("#unlock-password").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#unlock-password").tryQuery().isEmpty());
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("auth.workstation_unlocked");
    }

}
