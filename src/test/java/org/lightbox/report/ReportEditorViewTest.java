package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The radiologist's path through the real editor on a real JavaFX scene: open, template, type, sign, addendum. */
@ExtendWith(ApplicationExtension.class)
class ReportEditorViewTest {
    @TempDir
    static Path dir;
    ReadingRoom room;
    ReportEditorViewModel model;
    ImagingRequest study;

    @Start
    void start(Stage stage) {
        room = new ReadingRoom(dir.resolve("room-" + System.nanoTime()));
        study = room.scannedStudy();
        model = new ReportEditorViewModel(room.reporting(), room.scenario.workstation.templates(),
                room.scenario.workstation.macros(), room.scenario.workstation.readingLocks(), new CurrentThreadTaskExecutor(),
                room.scenario.clock, room.attending);
        ReportEditorView view = new ReportEditorView(model);
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 760, 1150));
        stage.show();
    }

    @AfterEach
    void close() {
        room.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private TextArea area(FxRobot robot, ReportSection s) {
        return robot.lookup("#section-" + s.field()).queryAs(TextArea.class);
    }

    @Test
    void aRadiologistAppliesATemplateTypesFindingsSignsAddsAnAddendumAndSeesBothVersions(FxRobot robot) {
        robot.interact(() -> model.open(room.scenario.workstation.requests().open(room.attending, study.id())));
        assertThat(text(robot, "#report-patient")).isEqualTo("MOREAU, Alice");
        assertThat(text(robot, "#report-identifiers")).startsWith("MRN MRN1001");
        assertThat(text(robot, "#report-study")).startsWith(study.accession().value());
        assertThat(text(robot, "#report-indication")).isEqualTo("Headache");
        assertThat(text(robot, "#report-status")).isEqualTo("Draft");

        assertThat(model.templateProperty().get()).hasToString("CT Head without contrast");
        robot.clickOn("#apply-template");
        assertThat(area(robot, ReportSection.FINDINGS).getText()).startsWith("Haemorrhage: [[!Haemorrhage=");

        robot.clickOn("#section-findings").press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.type(KeyCode.TAB);
        robot.clickOn("No intracranial haemorrhage.");
        robot.type(KeyCode.TAB).write("0");
        robot.interact(() -> area(robot, ReportSection.FINDINGS).end());
        robot.write("\nNo acute abnormality. ").write(".nocomp ");
        robot.type(KeyCode.TAB).write("Normal CT head.");
        WaitForAsyncUtils.waitForFxEvents();

        String findings = area(robot, ReportSection.FINDINGS).getText();
        assertThat(findings).startsWith("Haemorrhage: No intracranial haemorrhage.")
                .contains("Midline shift (mm): 0").contains("No acute abnormality. None available. ");
        assertThat(area(robot, ReportSection.IMPRESSION).getText()).isEqualTo("Normal CT head.");
        assertThat(text(robot, "#report-unfilled")).contains("Warning, not filled: Comparison: Comparison");

        robot.clickOn("#leave-out-unfilled");
        robot.clickOn("#sign-password").write(Scenario.PASSWORD);
        robot.clickOn("#sign");

        assertThat(text(robot, "#report-status")).isEqualTo("Final");
        assertThat(text(robot, "#report-message")).isEqualTo("Signed.");
        assertThat(area(robot, ReportSection.IMPRESSION).isEditable()).isFalse();

        robot.clickOn("#addendum-text").write("Review of the bone window: no fracture.");
        robot.clickOn("#addendum-password").write(Scenario.PASSWORD);
        robot.clickOn("#sign-addendum");

        assertThat(text(robot, "#report-status")).isEqualTo("Amended");
        ListView<?> versions = robot.lookup("#version-list").queryAs(ListView.class);
        assertThat(versions.getItems()).extracting(Object::toString)
                .containsExactly("Version 2  ·  Addendum", "Version 1  ·  Final");
        assertThat(robot.lookup(".addendum-text").queryAs(Label.class).getText()).isEqualTo("Review of the bone window: no fracture.");
        assertThat(area(robot, ReportSection.IMPRESSION).getText()).isEqualTo("Normal CT head.");
        assertThat(robot.lookup(".diff-added").queryAll()).extracting(n -> ((Label) n).getText())
                .contains("+ Review of the bone window: no fracture.");
    }

    @Test
    void signingAWrongPasswordOrAnEmptyImpressionSaysWhyAndKeepsTheDraft(FxRobot robot) {
        robot.interact(() -> model.open(room.scenario.workstation.requests().open(room.attending, study.id())));
        robot.clickOn("#section-findings").write("Ventricles normal.");
        robot.clickOn("#sign-password").write(Scenario.PASSWORD);
        robot.clickOn("#sign");

        assertThat(text(robot, "#report-message")).contains("The impression is empty: write the conclusion before signing");
        assertThat(text(robot, "#report-status")).isEqualTo("Draft");
        assertThat(room.reporting().reportOf(study.id()).orElseThrow().sections().findings()).isEqualTo("Ventricles normal.");

        robot.clickOn("#section-impression").write("Normal.");
        robot.clickOn("#sign-password").write("not my password");
        robot.clickOn("#sign");
        assertThat(text(robot, "#report-message")).startsWith("Wrong password");
        assertThat(text(robot, "#report-status")).isEqualTo("Draft");
        assertThat(area(robot, ReportSection.IMPRESSION).getText()).isEqualTo("Normal.");
    }
}
