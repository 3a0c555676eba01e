package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.help.KeyboardShortcuts;
import org.lightbox.help.Shortcut;
import org.lightbox.testing.Scenario;
import org.lightbox.testing.WindowWait;
import org.lightbox.ui.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The keyboard-shortcut sheet, and a few of the keys it lists, pressed in the real window. */
@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-help"));
        Actor admin = scenario.admin();
        scenario.user("okafor", Role.RADIOLOGIST);
        scenario.user("marsh", Role.SCHEDULER);
        scenario.user("rivera", Role.TECHNOLOGIST);
        scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(40));
        scenario.performed(admin, "LB-100002", "Novak", "urgent", Duration.ofHours(1));
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
        robot.clickOn("#password").write(Scenario.PASSWORD).type(KeyCode.ENTER);
        WindowWait.until(() -> robot.lookup("#signed-in-user").tryQuery().isPresent(), "signed in");
        WindowWait.until(() -> robot.lookup("#worklist-table").queryAs(TableView.class).getItems().size() == 2, "the worklist");
        // Where the keyboard lands after sign-in is WorkstationWindowTest's subject; here it is put on the list.
        robot.clickOn("#worklist-table");
        WindowWait.until(() -> robot.lookup("#worklist-table").query().isFocused(), "the worklist has the keyboard");
    }

    private static boolean sheetShown(FxRobot robot) {
        return robot.lookup("#shortcut-sheet").tryQuery().isPresent();
    }

    /** The listed shortcut with these keys: the test fails when the sheet stops listing it. */
    private static Shortcut listed(String group, String keys) {
        return KeyboardShortcuts.group(group).shortcuts().stream().filter(s -> s.keys().equals(keys)).findFirst()
                .orElseThrow(() -> new AssertionError("The sheet does not list " + keys + " under " + group));
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void f1OpensTheSheetWithEveryListedShortcutAndEscClosesItBackToTheWorklist(FxRobot robot) {
        signIn(robot, "okafor");
        press(robot, KeyCode.F1);
        assertThat(sheetShown(robot)).isTrue();
        List<String> shownKeys = robot.lookup(".shortcut-keys").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(shownKeys).containsExactlyElementsOf(KeyboardShortcuts.ALL.stream()
                .flatMap(g -> g.shortcuts().stream()).map(Shortcut::keys).toList());

        press(robot, KeyCode.ESCAPE);
        assertThat(sheetShown(robot)).isFalse();
        assertThat(robot.lookup("#worklist-table").query().isFocused()).as("the keyboard is back on the worklist").isTrue();
    }

    @Test
    void aQuestionMarkTypedInTheSearchBoxIsAQuestionMarkAndElsewhereItOpensTheSheet(FxRobot robot) {
        signIn(robot, "okafor");
        robot.type(KeyCode.SLASH).write("novak?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#worklist-search").queryAs(TextField.class).getText()).isEqualTo("novak?");
        assertThat(sheetShown(robot)).isFalse();

        press(robot, KeyCode.ESCAPE);
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sheetShown(robot)).isTrue();
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sheetShown(robot)).as("? again closes it").isFalse();
    }

    @Test
    void theShortcutsTheSheetListsForARadiologistDoWhatItSays(FxRobot robot) {
        signIn(robot, "okafor");
        listed(KeyboardShortcuts.WINDOW, "/");
        robot.type(KeyCode.SLASH);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#worklist-search").query().isFocused()).isTrue();
        listed("Worklist", "Down, Enter (in the search box)");
        press(robot, KeyCode.DOWN);
        assertThat(robot.lookup("#worklist-table").query().isFocused()).isTrue();

        listed("Worklist", "Alt+A, Alt+R");
        press(robot, KeyCode.ALT, KeyCode.A);
        WindowWait.until(() -> "Dr. Okafor".equals(scenario.workstation.worklist().snapshot().entries().get(0).assigneeName()),
                "the first study assigned to the radiologist");

        listed(KeyboardShortcuts.WINDOW, "Ctrl+L");
        press(robot, KeyCode.CONTROL, KeyCode.L);
        WindowWait.until(() -> robot.lookup("#unlock-password").tryQuery().isPresent(), "the lock screen");
    }

    @Test
    void ctrl1AndCtrl2SwitchBetweenWorklistAndScansForATechnologistAsListed(FxRobot robot) {
        signIn(robot, "rivera");
        listed(KeyboardShortcuts.WINDOW, "Ctrl+1, Ctrl+2");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        TabPane tabs = robot.lookup("#left-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("scans-tab");
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("worklist-tab");
    }

    @Test
    void ctrlNOpensTheIntakeFormForASchedulerAsListed(FxRobot robot) {
        signIn(robot, "marsh");
        listed(KeyboardShortcuts.WINDOW, "Ctrl+N");
        press(robot, KeyCode.CONTROL, KeyCode.N);
        WindowWait.until(() -> robot.lookup("#intake-mrn").tryQuery().isPresent(), "the intake form");
        Node form = robot.lookup("#intake-mrn").query();
        Window dialog = form.getScene().getWindow();
        robot.interact(() -> ((Stage) dialog).close());
    }
}
