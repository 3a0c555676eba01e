package org.lightbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dialogs opened through the window's dialog service. */
@ExtendWith(ApplicationExtension.class)
class WindowDialogsTest {
    private final AtomicInteger activity = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private WindowDialogs dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialogs = new WindowDialogs(() -> stage, activity::incrementAndGet);
    }

    private void openForm(FxRobot robot) {
        robot.interact(() -> dialogs.show("Form", close -> {
            TextField field = new TextField();
            field.setId("dialog-field");
            return new VBox(field);
        }, closed::incrementAndGet));
    }

    @Test
    void typingInADialogCountsAsActivityAtTheWorkstation(FxRobot robot) {
        openForm(robot);
        int before = activity.get();
        robot.clickOn("#dialog-field").write("abc");
        assertThat(activity.get()).as("key and mouse events in the dialog").isGreaterThan(before + 3);
    }

    @Test
    void aDialogHiddenByTheLockIsNotClosedAndSigningOutClosesItOnce(FxRobot robot) {
        openForm(robot);
        robot.interact(dialogs::hideForLock);
        assertThat(closed.get()).isZero();
        assertThat(robot.lookup("#dialog-field").tryQuery()).isEmpty();
        robot.interact(dialogs::showAfterUnlock);
        assertThat(robot.lookup("#dialog-field").tryQuery()).isPresent();
        robot.interact(dialogs::hideForLock);
        robot.interact(dialogs::closeAll);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(closed.get()).isEqualTo(1);
        assertThat(dialogs.openCount()).isZero();
    }
}
