package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.setup.SetupForm;
import org.lightbox.testing.MutableClock;
import org.lightbox.testing.WindowWait;
import org.lightbox.ui.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a data folder without accounts: the first-run assistant, then the sign-in screen. */
@ExtendWith(ApplicationExtension.class)
class FirstRunAssistantTest {
    private static final String PASSWORD = "Film-viewer-42";

    private Path root;
    private WorkstationSession session;
    private FxTaskExecutor tasks;
    private WorkstationWindow window;
    private final List<DataFolder> logFolders = new ArrayList<>();
    private int quits;

    @Start
    void start(Stage stage) throws Exception {
        root = Files.createTempDirectory("lightbox-first-run");
        session = new WorkstationSession(f -> Workstation.open(f, MutableClock.morning(), new PasswordHasher(1_000)),
                new RememberedDataFolder(root.resolve("config/lightbox/lightbox.properties"), new DataFolder(root.resolve("default"))));
        tasks = new FxTaskExecutor();
        window = new WorkstationWindow(session, tasks, session.isSetUp(), logFolders::add, () -> quits++);
        stage.setScene(new Scene(window, 1400, 1100));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get();
        tasks.shutdown();
        session.close();
    }


    /** Replaces what the field holds with {@code text}, as a user does: select all, type. */
    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn("#setup-" + field);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }

    private static String error(FxRobot robot, String field) {
        return robot.lookup("#error-" + field).queryAs(Label.class).getText();
    }

    @Test
    void badAnswersAreNamedBesideTheirFieldsThenGoodOnesSetUpTheWorkstationAndTheAdministratorSignsIn(FxRobot robot) {
        assertThat(robot.lookup("#setup-" + SetupForm.DATA_FOLDER).queryAs(TextField.class).getText())
                .isEqualTo(root.resolve("default").toString());
        Path chosen = root.resolve("reading room");
        type(robot, SetupForm.DATA_FOLDER, chosen.toString());
        type(robot, SetupForm.AE_TITLE, "READING-ROOM-NUMBER-1");
        type(robot, SetupForm.PORT, "0");
        type(robot, SetupForm.CENTRAL_STORE_URL, "htp://store.example/parse");
        type(robot, SetupForm.APPLICATION_ID, "lightbox-prod");
        type(robot, SetupForm.INSTITUTION, "St. Anne's Hospital");
        type(robot, SetupForm.PASSWORD, PASSWORD);
        type(robot, SetupForm.PASSWORD_AGAIN, "Film-viewer-43");
        robot.clickOn("#setup-finish");
        WindowWait.until(() -> !error(robot, SetupForm.AE_TITLE).isEmpty(), "the AE title refused");
        assertThat(error(robot, SetupForm.AE_TITLE)).isEqualTo("An AE title has at most 16 characters; this one has 21");
        assertThat(error(robot, SetupForm.PORT)).isEqualTo("The port is a number from 1 to 65535, not 0");
        assertThat(error(robot, SetupForm.CENTRAL_STORE_URL)).startsWith("The central store URL must start with http:// or https://");
        assertThat(error(robot, SetupForm.PASSWORD_AGAIN)).startsWith("The two passwords differ");
        assertThat(error(robot, SetupForm.INSTITUTION)).isEmpty();

        type(robot, SetupForm.AE_TITLE, "READROOM1");
        type(robot, SetupForm.PORT, "11113");
        type(robot, SetupForm.CENTRAL_STORE_URL, "");
        type(robot, SetupForm.APPLICATION_ID, "");
        type(robot, SetupForm.PASSWORD, "film");
        type(robot, SetupForm.PASSWORD_AGAIN, "film");
        robot.type(KeyCode.ENTER);
        WindowWait.until(() -> error(robot, SetupForm.AE_TITLE).isEmpty() && !error(robot, SetupForm.PASSWORD).isEmpty(),
                "the weak password refused");
        assertThat(error(robot, SetupForm.PASSWORD)).isEqualTo("Password must have at least 10 characters");
        assertThat(chosen.resolve("lightbox.db")).as("nothing is created while an answer is refused").doesNotExist();

        type(robot, SetupForm.PASSWORD, PASSWORD);
        type(robot, SetupForm.PASSWORD_AGAIN, PASSWORD);
        robot.clickOn("#setup-finish");
        WindowWait.until(() -> robot.lookup("#username").tryQuery().isPresent(), "the sign-in screen");

        robot.clickOn("#username").write("admin");
        robot.clickOn("#password").write(PASSWORD).type(KeyCode.ENTER);
        WindowWait.until(() -> robot.lookup("#signed-in-user").tryQuery().isPresent(), "signed in");
        assertThat(robot.lookup("#signed-in-user").queryAs(Label.class).getText()).isEqualTo("Administrator  ·  Administrator");
        assertThat(chosen.resolve("lightbox.db")).exists();
        assertThat(root.resolve("default")).as("the default folder stays untouched").doesNotExist();
        assertThat(root.resolve("config/lightbox/lightbox.properties")).content().contains("reading room");
        assertThat(logFolders).containsExactly(new DataFolder(chosen));
        assertThat(quits).isZero();
    }

    @Test
    void cancelQuitsWithoutCreatingAnything(FxRobot robot) {
        type(robot, SetupForm.INSTITUTION, "St. Anne's Hospital");
        robot.clickOn("#setup-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quits).isEqualTo(1);
        assertThat(root.resolve("default")).doesNotExist();
        assertThat(root.resolve("config")).doesNotExist();
    }
}
