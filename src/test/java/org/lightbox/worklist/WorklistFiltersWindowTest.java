package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The worklist's filter controls, driven as a radiologist drives them. */
@ExtendWith(ApplicationExtension.class)
class WorklistFiltersWindowTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;
    private WorklistViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-filters"));
        Actor admin = scenario.admin();
        Actor okafor = scenario.user("okafor", Role.RADIOLOGIST);
        scenario.performed(admin, "LB-300001", "Moreau", "stat", Duration.ofMinutes(40));
        String mine = scenario.performed(admin, "LB-300002", "Novak", "urgent", Duration.ofHours(1), "MR", "MR knee").id();
        scenario.performed(admin, "LB-300003", "Rossi", "routine", Duration.ofHours(30), "CR", "Chest PA");
        scenario.workstation.assignments().assignToMe(okafor, mine);
        tasks = new FxTaskExecutor();
        model = new WorklistViewModel(scenario.workstation.worklist(), scenario.workstation.assignments(), tasks,
                scenario.clock, okafor, entry -> { }, () -> { });
        WorklistView view = new WorklistView(model, scenario.clock.getZone());
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void close() {
        model.dispose();
        tasks.shutdown();
        scenario.close();
    }

    @Test
    void mineAndUnassignedNarrowTheListToWhoReadsIt(FxRobot robot) {
        waitForRows(robot, "MOREAU", "ROSSI", "NOVAK"); // STAT, then the overdue routine, then urgent
        robot.clickOn("#filter-mine");
        waitForRows(robot, "NOVAK");
        robot.clickOn("#filter-mine").clickOn("#filter-unassigned");
        waitForRows(robot, "MOREAU", "ROSSI");
    }

    @Test
    void aModalityAndAStatusAreChosenFromTheirLists(FxRobot robot) {
        waitForRows(robot, "MOREAU", "ROSSI", "NOVAK"); // STAT, then the overdue routine, then urgent
        choose(robot, "#filter-modality", ModalityType.MR);
        waitForRows(robot, "NOVAK");
        choose(robot, "#filter-modality", null);
        choose(robot, "#filter-status", StatusFilter.CANCELLED);
        waitForRows(robot);
        choose(robot, "#filter-status", StatusFilter.TO_READ);
        waitForRows(robot, "MOREAU", "ROSSI", "NOVAK"); // STAT, then the overdue routine, then urgent
    }

    @Test
    void aDateRangeKeepsTheStudiesScannedInIt(FxRobot robot) {
        waitForRows(robot, "MOREAU", "ROSSI", "NOVAK"); // STAT, then the overdue routine, then urgent
        LocalDate today = LocalDate.now(scenario.clock);
        robot.clickOn("#filter-from").write(format(robot, "#filter-from", today)).type(KeyCode.ENTER);
        waitForRows(robot, "MOREAU", "NOVAK");
        robot.clickOn("#filter-clear");
        robot.clickOn("#filter-to").write(format(robot, "#filter-to", today.minusDays(1))).type(KeyCode.ENTER);
        waitForRows(robot, "ROSSI");
    }

    /** The date as the picker's own converter writes it (the locale decides the format). */
    private static String format(FxRobot robot, String picker, LocalDate date) {
        return robot.lookup(picker).queryAs(DatePicker.class).getConverter().toString(date);
    }

    @SuppressWarnings("unchecked")
    private static <T> void choose(FxRobot robot, String id, T value) {
        ComboBox<T> box = robot.lookup(id).queryAs(ComboBox.class);
        robot.clickOn(box);
        int index = box.getItems().indexOf(value);
        int at = box.getSelectionModel().getSelectedIndex();
        javafx.scene.input.KeyCode key = index > at ? KeyCode.DOWN : KeyCode.UP;
        for (int i = 0; i < Math.abs(index - at); i++) {
            robot.type(key);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(box.getValue()).isEqualTo(value);
    }

    private static void waitForRows(FxRobot robot, String... families) {
        TableView<?> table = robot.lookup("#worklist-table").queryAs(TableView.class);
        BooleanSupplier shown = () -> names(table).equals(List.of(families));
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, shown::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("The worklist shows " + names(table) + ", not " + List.of(families), e);
        }
    }

    private static List<String> names(TableView<?> table) {
        return table.getItems().stream().map(row -> ((WorklistEntry) row).patientName().split(",")[0]).toList();
    }
}
