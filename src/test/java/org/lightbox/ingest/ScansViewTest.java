package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.FreePorts;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Scans screen in a real JavaFX scene (headless Monocle), driven as a technologist would. */
@ExtendWith(ApplicationExtension.class)
class ScansViewTest {
    @TempDir
    static Path dir;
    IngestFixture department;
    ScansViewModel model;
    final AtomicReference<Path> chosen = new AtomicReference<>();

    @Start
    void showTheScansScreen(Stage stage) throws Exception {
        department = new IngestFixture(Files.createTempDirectory(dir, "ws"));
        model = new ScansViewModel(department.workstation.importer(), department.workstation.unmatchedStudies(),
                department.workstation.quarantine(), department.workstation.storageScp(), department.workstation.settings(),
                department.workstation.pacs(), new CurrentThreadTaskExecutor(), department.technologist, () -> { });
        ImportSourceChooser answers = new ImportSourceChooser() {
            @Override
            public Optional<Path> folder(Window owner) {
                return Optional.ofNullable(chosen.get());
            }

            @Override
            public Optional<Path> dicomDir(Window owner) {
                return Optional.ofNullable(chosen.get());
            }

            @Override
            public Optional<Path> file(Window owner) {
                return Optional.ofNullable(chosen.get());
            }
        };
        ScansView view = new ScansView(model, answers, ZoneId.of("Europe/Paris"));
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        model.dispose();
        department.scenario.close();
    }

    @Test
    void importingAFolderShowsTheSummaryTheUnmatchedStudyAndTheQuarantine(FxRobot robot) throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path folder = Files.createTempDirectory(dir, "usb");
        IngestFixture.series(folder, request, TestDicomFile.newUid(), 2);
        IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1).accession("").writeTo(folder);
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        chosen.set(folder);

        robot.clickOn("#import-folder");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#import-summary").queryAs(Label.class).getText())
                .isEqualTo("3 images indexed, 0 duplicates, 2 studies, 2 series, 1 rejected, 1 study unmatched");
        assertThat(robot.lookup("#scans-message").queryAs(Label.class).getText()).as("no error after the refresh").isEmpty();
        assertThat(robot.lookup("#unmatched-studies").queryTableView().getItems()).hasSize(1);
        assertThat(robot.lookup("#quarantine").queryTableView().getItems()).hasSize(1);
        // A cell shows only the start of a reason: the selected row's whole reason is spelled out below it.
        robot.interact(() -> robot.lookup("#unmatched-studies").queryTableView().getSelectionModel().select(0));
        assertThat(robot.lookup("#unmatched-reason").queryAs(Label.class).getText())
                .isEqualTo("The images carry no accession number; link them to their request by hand");
        robot.interact(() -> robot.lookup("#quarantine").queryTableView().getSelectionModel().select(0));
        assertThat(robot.lookup("#quarantine-reason").queryAs(Label.class).getText())
                .isEqualTo(folder.resolve("notes.txt") + ": not a DICOM file");
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
    }

    @Test
    void linkingADifferentPatientNeedsTheConfirmationBoxAndHighlightsTheDifference(FxRobot robot) throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path slice = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1).accession("")
                .patient("LB-1", "MOREAU^ALICIA").writeTo(Files.createTempDirectory(dir, "scan"));
        chosen.set(slice);
        robot.clickOn("#import-file");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> unmatched = robot.lookup("#unmatched-studies").queryTableView();
        robot.interact(() -> unmatched.getSelectionModel().select(0));
        robot.clickOn("#link-to-request");
        WaitForAsyncUtils.waitForFxEvents();
        // The patient's only likely request is proposed at once; typing its accession finds it too.
        assertThat(robot.lookup("#link-accession").queryAs(TextField.class).getText()).isEqualTo(request.accession().value());
        robot.interact(() -> robot.lookup("#link-accession").queryAs(TextField.class).clear());
        robot.clickOn("#link-accession").write(request.accession().value()).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label imagesName = robot.lookup("#images-name").queryAs(Label.class);
        assertThat(imagesName.getStyleClass()).contains("identity-differs");
        assertThat(robot.lookup("#images-patient_id").queryAs(Label.class).getStyleClass()).doesNotContain("identity-differs");
        Button link = robot.lookup("#link").queryButton();
        assertThat(link.isDisabled()).isTrue();

        robot.clickOn("#confirm-identity");
        assertThat(robot.lookup("#confirm-identity").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(link.isDisabled()).isFalse();
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(unmatched.getItems()).isEmpty();
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.linked'"
                + " AND details LIKE '%\"differenceConfirmed\":true%'")).isEqualTo(1);
    }

    @Test
    void theStorageScpIsOffUntilSwitchedOnAndThenAnswersAnEcho(FxRobot robot) {
        int port = FreePorts.next();
        assertThat(robot.lookup("#scp-on").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.interact(() -> {
            TextField portField = robot.lookup("#scp-port").queryAs(TextField.class);
            portField.setText(Integer.toString(port));
        });

        robot.clickOn("#scp-on");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#scp-status").queryAs(Label.class).getText())
                .isEqualTo("Listening as LIGHTBOX on port " + port);
        assertThat(robot.lookup("#scp-port").queryAs(TextField.class).isDisabled()).isTrue();
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-aec", "LIGHTBOX", "127.0.0.1", Integer.toString(port));
        assertThat(echo.succeeded()).as(echo.output()).isTrue();

        robot.clickOn("#scp-on");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scp-status").queryAs(Label.class).getText()).isEqualTo("Off");
        assertThat(department.workstation.storageScp().isRunning()).isFalse();
    }
}
