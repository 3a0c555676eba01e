package org.lightbox.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.ingest.pacs.PacsSettings;
import org.lightbox.testing.Scenario;
import org.lightbox.testing.SceneSnapshot;
import org.lightbox.testing.WindowWait;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Stylesheets;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The PACS tab of the Settings dialog in a real scene (headless Monocle): each bad value named beside its field. */
@ExtendWith(ApplicationExtension.class)
class PacsSettingsViewTest {
    private Scenario scenario;
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        scenario = new Scenario(Files.createTempDirectory("lightbox-pacs-settings-ui"));
        tasks = new FxTaskExecutor();
        var w = scenario.workstation;
        SettingsViewModel model = new SettingsViewModel(w.settingsEditor(), w.users(), w.facilities(), w.templates(),
                w.macros(), tasks, scenario.admin(), after -> { }, () -> { });
        SettingsView view = new SettingsView(model, owner -> Optional.empty(), () -> { });
        Stylesheets.theme(view);
        stage.setScene(new Scene(view, 1000, 640));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        scenario.close();
    }


    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void retype(FxRobot robot, String id, String value) {
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(value);
    }

    @Test
    void aBadPortAndABadAddressAreNamedBesideTheirFieldsAndAGoodPacsIsSaved(FxRobot robot) {
        robot.clickOn("#settings-tab-pacs");
        WindowWait.until(() -> text(robot, "#pacs-our-side").contains("LIGHTBOX"), "the PACS tab shows our Storage SCP");
        robot.clickOn("#pacs-protocol").clickOn("DIMSE (C-FIND / C-MOVE)");
        retype(robot, "#pacs-ae-title", "ORTHANC");
        retype(robot, "#pacs-host", "pacs.hospital.local");
        retype(robot, "#pacs-port", "99999");
        robot.type(KeyCode.ENTER);
        WindowWait.until(() -> !text(robot, "#error-pacsPort").isEmpty(), "the port refused beside its field");

        assertThat(text(robot, "#error-pacsPort")).isEqualTo("The port is a number from 1 to 65535, not 99999");
        assertThat(text(robot, "#error-pacsAeTitle")).isEmpty();
        assertThat(text(robot, "#pacs-message")).isEqualTo("One field needs attention.");
        SceneSnapshot.write(robot, "#settings-tabs", "settings-pacs-dimse-bad-port.png");

        robot.clickOn("#pacs-protocol").clickOn("DICOMweb");
        retype(robot, "#pacs-url", "pacs.hospital.local:8042/dicom-web");
        robot.type(KeyCode.ENTER);
        WindowWait.until(() -> !text(robot, "#error-pacsUrl").isEmpty(), "the address refused beside its field");

        assertThat(text(robot, "#error-pacsUrl")).startsWith("The DICOMweb address starts with http:// or https://");
        SceneSnapshot.write(robot, "#settings-tabs", "settings-pacs-dicomweb-bad-url.png");

        retype(robot, "#pacs-url", "https://pacs.hospital.local/dicom-web");
        retype(robot, "#pacs-user", "lightbox");
        robot.clickOn("#pacs-save");
        WindowWait.until(() -> text(robot, "#pacs-message").startsWith("Saved"), "the PACS saved");

        assertThat(text(robot, "#error-pacsUrl")).isEmpty();
        assertThat(scenario.workstation.pacs().pacs())
                .isEqualTo(PacsSettings.dicomWeb("https://pacs.hospital.local/dicom-web", "lightbox"));
    }

}
