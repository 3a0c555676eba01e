package org.lightbox.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.app.ShellView;
import org.lightbox.app.ShellViewModel;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.testing.SceneSnapshot;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.viewer.WindowPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: an administrator opens Settings, types bad values, is told beside each field, fixes them. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;
    private final AtomicReference<Path> chosenTemplate = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-settings-ui"));
        scenario.admin();
        scenario.user("okafor", Role.RADIOLOGIST);
        tasks = new FxTaskExecutor();
        stage.setScene(new Scene(new ShellView(new ShellViewModel(scenario.workstation, tasks), scenario.clock.getZone(),
                owner -> Optional.ofNullable(chosenTemplate.get())), 1400, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        scenario.close();
    }

    private void signIn(FxRobot robot, String username, String password) {
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(password);
        robot.clickOn("#sign-in");
        waitUntil(() -> robot.lookup("#signed-in-user").tryQuery().isPresent());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The window did not get there in 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    /** Replaces what a field holds, as a person does: click, select all, type. */
    private static void retype(FxRobot robot, String id, String value) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(value);
    }

    private void openSettings(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#settings-tabs").tryQuery().isPresent() && robot.lookup("#users-list").tryQuery().isPresent());
    }

    private void closeSettings(FxRobot robot) {
        robot.clickOn("#settings-close");
        waitUntil(() -> robot.lookup("#settings-tabs").tryQuery().isEmpty());
    }

    private void tab(FxRobot robot, String id) {
        robot.clickOn("#settings-tab-" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anAdministratorIsToldBesideEachBadValueAndFindsTheGoodOnesAfterReopening(FxRobot robot) throws IOException {
        signIn(robot, "admin", Scenario.PASSWORD);
        assertThat(robot.lookup("#open-settings").tryQuery()).isPresent();
        openSettings(robot);

        tab(robot, "viewer");
        waitUntil(() -> "Brain".equals(field(robot, "#preset-0-name")));
        retype(robot, "#preset-0-width", "0");
        robot.clickOn("#viewer-save");
        waitUntil(() -> !text(robot, "#error-preset-0-width").isEmpty());
        assertThat(text(robot, "#error-preset-0-width")).isEqualTo("The width of preset Brain must be at least 1, not 0");
        snapshotWindowOf(robot, "#settings-tabs", "settings-viewer-refused.png");
        retype(robot, "#preset-0-width", "90");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#viewer-message").startsWith("Saved."));
        assertThat(text(robot, "#error-preset-0-width")).isEmpty();

        tab(robot, "worklist");
        retype(robot, "#due-stat", "2");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !text(robot, "#error-statMinutes").isEmpty());
        assertThat(text(robot, "#error-statMinutes")).isEqualTo("STAT due time must be between 5 minutes and 30 days, not 2 minutes");
        retype(robot, "#due-stat", "45");
        robot.clickOn("#due-save");
        waitUntil(() -> text(robot, "#due-message").startsWith("Saved."));

        tab(robot, "facilities");
        robot.clickOn("#modality-name").write("CT North");
        robot.clickOn("#modality-type").type(KeyCode.DOWN).type(KeyCode.ENTER);
        robot.clickOn("#modality-ae-title").write("CT_NORTH_CAMPUS_0001");
        robot.clickOn("#modality-save");
        waitUntil(() -> !text(robot, "#error-modality-aeTitle").isEmpty());
        assertThat(text(robot, "#error-modality-aeTitle")).isEqualTo("AE title has 20 characters; DICOM allows at most 16");
        retype(robot, "#modality-ae-title", "CTNORTH");
        robot.clickOn("#modality-save");
        waitUntil(() -> text(robot, "#facilities-message").equals("Modality CT North saved."));

        tab(robot, "users");
        robot.clickOn("#users-new-username").write("novak");
        robot.clickOn("#users-new-display-name").write("Dr. Ana Novak");
        robot.clickOn("#new-role-radiologist");
        robot.clickOn("#users-new-password").write("password123");
        robot.clickOn("#users-create");
        waitUntil(() -> !text(robot, "#error-new-password").isEmpty());
        assertThat(text(robot, "#error-new-password")).startsWith("This password is among the first ones guessed");
        retype(robot, "#users-new-password", "quiet river morning");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#users-message").startsWith("Created novak."));

        closeSettings(robot);
        openSettings(robot);
        tab(robot, "viewer");
        waitUntil(() -> "90".equals(field(robot, "#preset-0-width")));
        tab(robot, "worklist");
        waitUntil(() -> "45".equals(field(robot, "#due-stat")));
        assertThat(scenario.workstation.viewer().viewerSettings().ctPresets().get(0)).isEqualTo(new WindowPreset("Brain", 40, 90));
        assertThat(scenario.workstation.facilities().modalities()).singleElement()
                .satisfies(m -> assertThat(m.aeTitle()).isEqualTo("CTNORTH"));
        assertThat(scenario.workstation.users().findByUsername("novak")).isPresent();
        snapshot(robot, "users", "settings-users.png");
        snapshot(robot, "viewer", "settings-viewer.png");
        snapshot(robot, "facilities", "settings-facilities.png");
        snapshot(robot, "worklist", "settings-worklist.png");
        snapshot(robot, "security", "settings-workstation.png");
    }

    @Test
    void aTemplateFileThatIsNotOneIsRefusedWithTheReasonAndAGoodOneIsListed(FxRobot robot) throws IOException {
        Path dir = Files.createTempDirectory("lightbox-templates");
        Path notes = dir.resolve("notes.html");
        Files.writeString(notes, "<html><body>Shopping list</body></html>");
        Path good = dir.resolve("ct-abdomen.html");
        try (InputStream in = SettingsDialogTest.class.getResourceAsStream("/org/lightbox/report/radreport-ct-abdomen.html")) {
            Files.write(good, in.readAllBytes());
        }
        signIn(robot, "admin", Scenario.PASSWORD);
        openSettings(robot);
        tab(robot, "reports");

        chosenTemplate.set(notes);
        robot.clickOn("#templates-import");
        waitUntil(() -> !text(robot, "#templates-message").isEmpty());
        assertThat(text(robot, "#templates-message")).startsWith("notes.html was not imported: ");
        chosenTemplate.set(good);
        robot.clickOn("#templates-import");
        waitUntil(() -> text(robot, "#templates-message").startsWith("Imported "));
        robot.clickOn("#templates-toggle-active");
        waitUntil(() -> text(robot, "#templates-message").endsWith("reports written with it are unchanged."));
        assertThat(scenario.workstation.templates().imported()).singleElement().satisfies(t -> assertThat(t.active()).isFalse());
        snapshot(robot, "reports", "settings-reports.png");
    }

    @Test
    void aRadiologistHasNoSettingsButChangesTheirOwnPasswordFromTheHeader(FxRobot robot) {
        signIn(robot, "okafor", Scenario.PASSWORD);
        assertThat(robot.lookup("#open-settings").tryQuery()).isEmpty();
        robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#settings-tabs").tryQuery()).isEmpty();

        robot.clickOn("#change-password");
        waitUntil(() -> robot.lookup("#change-password-current").tryQuery().isPresent());
        robot.clickOn("#change-password-current").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        robot.write("short").type(KeyCode.ENTER);
        robot.write("short").type(KeyCode.ENTER);
        waitUntil(() -> !text(robot, "#error-newPassword").isEmpty());
        assertThat(text(robot, "#error-newPassword")).isEqualTo("Password must have at least 10 characters");
        assertThat(text(robot, "#error-currentPassword")).isEmpty();

        retype(robot, "#change-password-new", "copper meadow tunnel");
        retype(robot, "#change-password-confirm", "copper meadow tunnel");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#change-password-message").startsWith("Password changed"));
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("user.password_changed");
        snapshotWindowOf(robot, "#change-password-current", "change-password.png");
    }

    /** The dialog on one tab as a PNG under target/, to look at. */
    private void snapshot(FxRobot robot, String tabId, String name) throws IOException {
        tab(robot, tabId);
        snapshotWindowOf(robot, "#settings-tabs", name);
    }

    private static void snapshotWindowOf(FxRobot robot, String nodeId, String name) {
        SceneSnapshot.write(robot, nodeId, name);
    }
}
