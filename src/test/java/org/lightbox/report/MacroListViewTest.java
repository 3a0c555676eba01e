package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The macro dialog on a real JavaFX scene: a radiologist writes a macro, picks a shared one, and closes. */
@ExtendWith(ApplicationExtension.class)
class MacroListViewTest {
    @TempDir
    static Path dir;
    ReadingRoom room;
    boolean closed;
    int changes;

    @Start
    void start(Stage stage) {
        room = new ReadingRoom(dir.resolve("room-" + System.nanoTime()));
        MacroListViewModel model = new MacroListViewModel(room.scenario.workstation.macros(), new CurrentThreadTaskExecutor(),
                room.attending, () -> changes++);
        MacroListView view = new MacroListView(model, () -> closed = true);
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 680, 420));
        stage.show();
    }

    @AfterEach
    void close() {
        room.close();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#macro-message").queryAs(Label.class).getText();
    }

    @Test
    void aRadiologistWritesAMacroSeesItListedPicksASharedOneAndCloses(FxRobot robot) {
        robot.clickOn("#macro-trigger").write(".nlknee");
        robot.clickOn("#macro-expansion").write("No joint effusion.");
        robot.clickOn("#macro-save");

        assertThat(message(robot)).isEqualTo("Saved .nlknee.");
        assertThat(changes).isEqualTo(1);
        assertThat(robot.lookup("#macro-list").queryAs(ListView.class).getItems()).extracting(m -> ((Macro) m).trigger())
                .contains(".nlknee", ".nlcxr");
        assertThat(room.scenario.workstation.macros().expanderFor(room.attending).expand(".nlknee")).contains("No joint effusion.");

        robot.clickOn(robot.lookup((Node n) -> n instanceof ListCell<?> cell && ".nlcxr  (shared)".equals(cell.getText()))
                .<Node>query());
        assertThat(robot.lookup("#macro-trigger").queryAs(TextField.class).getText()).isEqualTo(".nlcxr");

        robot.clickOn("#macro-trigger").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("nodot");
        robot.clickOn("#macro-save");
        assertThat(message(robot)).contains("A trigger is a dot");

        robot.clickOn("Close");
        assertThat(closed).isTrue();
    }
}
