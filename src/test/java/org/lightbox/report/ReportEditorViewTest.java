package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.testing.AnsweringFileChooser;
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
    Path files;
    final AnsweringFileChooser chooser = new AnsweringFileChooser();

    @Start
    void start(Stage stage) throws IOException {
        files = Files.createDirectories(dir.resolve("files-" + System.nanoTime()));
        room = new ReadingRoom(dir.resolve("room-" + System.nanoTime()));
        study = room.scannedStudy();
        model = new ReportEditorViewModel(room.reporting(), room.scenario.workstation.templates(),
                room.scenario.workstation.macros(), room.scenario.workstation.readingLocks(), room.scenario.workstation.reportDocuments(),
                new CurrentThreadTaskExecutor(), room.scenario.clock, room.attending);
        ReportEditorView view = new ReportEditorView(model, chooser);
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

    private void open(FxRobot robot) {
        robot.interact(() -> model.open(room.scenario.workstation.requests().open(room.attending, study.id())));
    }

    private Path copyOf(String resource) throws IOException {
        try (InputStream in = ReportEditorViewTest.class.getResourceAsStream(resource)) {
            Path file = files.resolve(resource);
            Files.copy(in, file);
            return file;
        }
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
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        assertThat(area(robot, ReportSection.FINDINGS).getText()).startsWith("Haemorrhage: [[!Haemorrhage=");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area(robot, ReportSection.FINDINGS).getScene().getFocusOwner()).isInstanceOf(TextArea.class);
        TextArea focused = (TextArea) area(robot, ReportSection.FINDINGS).getScene().getFocusOwner();
        assertThat(focused.getSelectedText()).as("typing starts in the template's first field").startsWith("[[");

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
    void typingOverAChoiceFieldWritesFreeTextAndLeavesTheRestOfTheFindingsAlone(FxRobot robot) {
        open(robot);
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        robot.clickOn("#section-findings").press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.type(KeyCode.TAB);
        assertThat(robot.lookup("No intracranial haemorrhage.").tryQuery()).as("the field's choices are offered").isPresent();

        robot.write("Tiny subdural.").type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        String findings = area(robot, ReportSection.FINDINGS).getText();
        assertThat(findings).startsWith("Haemorrhage: Tiny subdural. ")
                .contains("Brain parenchyma: Grey-white matter").contains("Midline shift (mm): [[Midline shift:number]]");
        assertThat(robot.lookup("Acute subdural haematoma.").tryQuery()).as("the menu went away with the typing").isEmpty();
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

    @Test
    void leavingASectionSavesTheDraftAtOnceWithoutWaitingForTheAutosaveTick(FxRobot robot) {
        open(robot);
        robot.clickOn("#section-findings").write("Ventricles normal.");
        assertThat(text(robot, "#report-save-state")).isEqualTo("Unsaved changes");

        robot.clickOn("#section-impression");

        assertThat(room.reporting().reportOf(study.id()).orElseThrow().sections().findings()).isEqualTo("Ventricles normal.");
        assertThat(text(robot, "#report-save-state")).isEqualTo("Saved just now");
    }

    @Test
    void theImportButtonAddsAnMrrtTemplateAndAFileThatIsNotOneIsRefusedWithTheDraftUntouched(FxRobot robot) throws IOException {
        open(robot);
        robot.clickOn("#section-findings").write("Liver normal.");
        chooser.template = copyOf("radreport-ct-abdomen.html");

        robot.clickOn("#import-template");

        assertThat(text(robot, "#report-message")).isEqualTo("Imported template CT Abdomen Pelvis.");
        assertThat(robot.lookup("#template-choice").queryAs(ComboBox.class).getValue()).hasToString("CT Abdomen Pelvis  (imported)");
        assertThat(model.templates()).extracting(ReportTemplate::title).contains("CT Abdomen Pelvis", "CT Head without contrast");

        chooser.template = copyOf("not-a-template.html");
        robot.clickOn("#import-template");

        assertThat(text(robot, "#report-message")).startsWith("not-a-template.html has no <section> elements");
        assertThat(area(robot, ReportSection.FINDINGS).getText()).isEqualTo("Liver normal.");
        assertThat(model.templates()).extracting(ReportTemplate::title).doesNotContain("Meeting notes");
    }

    @Test
    void aSignedReportIsSavedAsPdfFromTheEditor(FxRobot robot) throws Exception {
        open(robot);
        Button savePdf = robot.lookup("#save-pdf").queryButton();
        assertThat(savePdf.isDisabled()).isTrue();
        assertThat(savePdf.getParent().isVisible()).isFalse();
        robot.clickOn("#section-impression").write("Normal CT head.");
        robot.clickOn("#sign-password").write(Scenario.PASSWORD);
        robot.clickOn("#sign");
        chooser.pdf = files.resolve("for the referrer.pdf");

        robot.clickOn("#save-pdf");

        assertThat(chooser.suggestedNames).containsExactly("report-" + study.accession().value() + ".pdf");
        assertThat(text(robot, "#report-message")).isEqualTo("Saved the report as " + chooser.pdf.toAbsolutePath() + ".");
        Process p = new ProcessBuilder("pdftotext", "-layout", chooser.pdf.toString(), "-").redirectErrorStream(true).start();
        String pdfText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(pdfText).contains("Patient: MOREAU, Alice").contains("Normal CT head.");
        assertThat(room.count("SELECT count(*) FROM audit_event WHERE action = 'report.exported'")).isEqualTo(1);
    }
}
