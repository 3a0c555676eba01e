package org.lightbox.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.ingest.pacs.PacsSettings;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** The PACS tab of Settings on a real SQLite file: each bad value named beside its field, a good one saved and audited. */
class PacsSettingsViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private PacsSettingsViewModel model(Actor actor) {
        return new PacsSettingsViewModel(scenario.workstation.settingsEditor(), new CurrentThreadTaskExecutor(), actor);
    }

    private PacsSettings stored() {
        return scenario.workstation.settings().read(PacsSettings.KEY, PacsSettings.class, PacsSettings.NONE);
    }

    @Test
    void aDimsePacsWithABadAeTitleHostAndPortIsRefusedBesideEachFieldAndNothingIsStored() {
        PacsSettingsViewModel pacs = model(scenario.admin());
        pacs.protocolProperty().set(PacsProtocol.DIMSE);
        pacs.aeTitleProperty().set("A_TITLE_LONGER_THAN_16");
        pacs.hostProperty().set("pacs:4242");
        pacs.portProperty().set("70000");

        pacs.save();

        assertThat(pacs.errors().get(SettingsForm.PACS_AE_TITLE)).contains("at most 16 characters");
        assertThat(pacs.errors().get(SettingsForm.PACS_HOST)).contains("the port goes in its own field");
        assertThat(pacs.errors().get(SettingsForm.PACS_PORT)).contains("1 to 65535, not 70000");
        assertThat(pacs.messageProperty().get()).isEqualTo("3 fields need attention.");
        assertThat(pacs.aeTitleProperty().get()).isEqualTo("A_TITLE_LONGER_THAN_16");
        assertThat(stored().configured()).isFalse();
    }

    @Test
    void aDicomWebAddressWithoutHttpOrWithoutHostIsRefusedBesideTheField() {
        PacsSettingsViewModel pacs = model(scenario.admin());
        pacs.protocolProperty().set(PacsProtocol.DICOMWEB);
        pacs.urlProperty().set("pacs:8042/dicom-web");
        pacs.save();
        String withoutScheme = pacs.errors().get(SettingsForm.PACS_URL);
        pacs.urlProperty().set("http:///dicom-web");
        pacs.save();

        assertThat(withoutScheme).contains("starts with http:// or https://");
        assertThat(pacs.errors().get(SettingsForm.PACS_URL)).contains("needs a host");
        assertThat(stored().configured()).isFalse();
    }

    @Test
    void aGoodDicomWebPacsIsSavedWithoutAPasswordAndTheChangeIsAudited() throws Exception {
        Actor admin = scenario.admin();
        PacsSettingsViewModel pacs = model(admin);
        pacs.protocolProperty().set(PacsProtocol.DICOMWEB);
        pacs.urlProperty().set(" https://pacs.example/dicom-web/ ");
        pacs.userProperty().set("lightbox");

        pacs.save();

        assertThat(stored()).isEqualTo(PacsSettings.dicomWeb("https://pacs.example/dicom-web", "lightbox"));
        assertThat(pacs.messageProperty().get()).contains("queries DICOMweb https://pacs.example/dicom-web");
        AuditEvent event = scenario.workstation.auditTrail().latest(1).get(0);
        assertThat(event.action()).isEqualTo("settings.changed");
        JsonNode details = new ObjectMapper().readTree(event.details());
        assertThat(details.path("key").asText()).isEqualTo(PacsSettings.KEY);
        assertThat(details.path("new").path("user").asText()).isEqualTo("lightbox");
        assertThat(event.details()).doesNotContainIgnoringCase("password");
        assertThat(model(admin).urlProperty().get()).isEqualTo("https://pacs.example/dicom-web");
    }

    @Test
    void theDimseFormShowsOurStorageScpAsTheMoveDestination() {
        PacsSettingsViewModel pacs = model(scenario.admin());

        assertThat(pacs.ourSideProperty().get()).contains("AE title LIGHTBOX, port 11112");
    }

    @Test
    void aTechnologistCannotChangeThePacs() {
        PacsSettingsViewModel pacs = model(scenario.user("sam", Role.TECHNOLOGIST));
        pacs.protocolProperty().set(PacsProtocol.DIMSE);
        pacs.aeTitleProperty().set("ORTHANC");
        pacs.hostProperty().set("pacs");
        pacs.portProperty().set("4242");

        pacs.save();

        assertThat(pacs.messageProperty().get()).contains("may not change settings");
        assertThat(stored().configured()).isFalse();
    }
}
