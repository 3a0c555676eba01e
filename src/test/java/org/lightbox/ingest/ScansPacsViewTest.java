package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.RequestStatus;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.FreePorts;
import org.lightbox.testing.OrthancServer;
import org.lightbox.testing.SceneSnapshot;
import org.lightbox.testing.WindowWait;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The PACS tab of the Scans screen in a real scene (headless Monocle), against a real Orthanc, by the keyboard. */
@ExtendWith(ApplicationExtension.class)
class ScansPacsViewTest {
    @TempDir
    static Path dir;
    static OrthancServer orthanc;

    IngestFixture department;
    FxTaskExecutor tasks;
    ScansViewModel model;

    @BeforeAll
    static void startThePacs() {
        orthanc = OrthancServer.start(dir.resolve("orthanc"), "LIGHTBOXPACSUI", FreePorts.next());
    }

    @AfterAll
    static void stopThePacs() {
        orthanc.close();
    }

    @Start
    void showTheScansScreen(Stage stage) throws Exception {
        department = new IngestFixture(Files.createTempDirectory(dir, "ws"));
        tasks = new FxTaskExecutor();
        model = new ScansViewModel(department.workstation.importer(), department.workstation.unmatchedStudies(),
                department.workstation.quarantine(), department.workstation.storageScp(), department.workstation.settings(),
                department.workstation.pacs(), tasks, department.technologist, () -> { });
        ScansView view = new ScansView(model, new ImportSourceChooser() {
            @Override
            public Optional<Path> folder(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> dicomDir(Window owner) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> file(Window owner) {
                return Optional.empty();
            }
        }, ZoneId.of("Europe/Paris"));
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1200, 720));
        stage.show();
    }

    @AfterEach
    void close() {
        model.dispose();
        tasks.shutdown();
        department.scenario.close();
    }


    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aTechnologistFindsThePatientsStudyByIdWithEnterAndRetrievesItWithAltV(FxRobot robot) {
        ImagingRequest request = department.scheduledRequest("LB-UI-1", "Moreau");
        String study = TestDicomFile.newUid();
        String series = TestDicomFile.newUid();
        for (int i = 1; i <= 2; i++) {
            orthanc.store(IngestFixture.sliceFor(request, study, series, i).studyDescription("CT head")
                    .writeTo(dir.resolve("pacs-src")));
        }
        department.workstation.settingsEditor().savePacs(department.scenario.admin(), PacsProtocol.DICOMWEB,
                orthanc.dicomWebRoot(), OrthancServer.USER, "", "", "");

        robot.clickOn("PACS");
        WindowWait.until(() -> text(robot, "#pacs-name").startsWith("PACS: DICOMweb"), "the PACS tab names the DICOMweb PACS");
        robot.clickOn("#pacs-password").write(OrthancServer.PASSWORD);
        robot.clickOn("#pacs-patient-id").write("LB-UI-1").type(KeyCode.ENTER);
        TableView<RemoteStudy> studies = robot.lookup("#pacs-studies").queryTableView();
        WindowWait.until(() -> studies.getItems().size() == 1, "the study found is listed");

        assertThat(studies.getItems().get(0).studyInstanceUid()).isEqualTo(study);
        assertThat(text(robot, "#pacs-summary")).isEqualTo("1 study on the PACS match.");
        SceneSnapshot.write(robot, "#pacs-studies", "scans-pacs-found.png");

        robot.press(KeyCode.ALT).type(KeyCode.V).release(KeyCode.ALT);
        WindowWait.until(() -> text(robot, "#pacs-summary").startsWith("Retrieved"), "the retrieve summary");

        assertThat(text(robot, "#pacs-summary")).isEqualTo("Retrieved CT head of MOREAU, ALICE: 2 images indexed,"
                + " 0 duplicates, 1 study, 1 series, 0 rejected. Attached to its request.");
        assertThat(text(robot, "#pacs-message")).isEmpty();
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        SceneSnapshot.write(robot, "#pacs-studies", "scans-pacs-retrieved.png");
    }

    @Test
    void withoutAPacsTheTabSaysAnAdministratorSetsItAndTheQueryIsOff(FxRobot robot) {
        robot.clickOn("PACS");
        WindowWait.until(() -> !text(robot, "#pacs-name").isEmpty(), "the PACS tab says which PACS");

        assertThat(text(robot, "#pacs-name")).contains("An administrator sets the PACS in Settings");
        assertThat(robot.lookup("#pacs-find").queryButton().isDisabled()).isTrue();
        SceneSnapshot.write(robot, "#pacs-studies", "scans-pacs-none.png");
    }

}
