package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.Modality;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/** A modality edited and deactivated in Settings on one workstation reaches the central store and the others. */
@ExtendWith(CentralStoreExtension.class)
class FacilityChangesSyncTest {
    private CentralStoreServer store;

    @BeforeEach
    void serverRunning(CentralStoreServer store) {
        this.store = store;
        store.startServer();
    }

    @Test
    void anEditedAndDeactivatedModalityAndCenterReachTheOtherWorkstation(@TempDir Path a, @TempDir Path b) {
        try (SyncedWorkstation first = new SyncedWorkstation(a, store); SyncedWorkstation second = new SyncedWorkstation(b, store)) {
            CentralSession firstSession = first.signIn();
            CentralSession secondSession = second.signIn();
            String suffix = Ids.newId().substring(0, 6);
            ImagingCenter center = first.workstation.facilities().addCenter(first.actor(), "North " + suffix);
            Modality ct = first.workstation.facilities().addModality(first.actor(), "CT " + suffix, ModalityType.CT, "CT1", null);
            first.sync().syncOnce(first.client(), firstSession);
            second.sync().syncOnce(second.client(), secondSession);
            assertThat(second.workstation.facilities().modality(ct.id())).hasValueSatisfying(m -> assertThat(m.active()).isTrue());

            first.workstation.facilities().editModality(first.actor(), ct.id(), "CT North " + suffix, ModalityType.CT, "CTNORTH",
                    center.id());
            first.workstation.facilities().deactivateModality(first.actor(), ct.id());
            first.workstation.facilities().deactivateCenter(first.actor(), center.id());
            SyncReport pushed = first.sync().syncOnce(first.client(), firstSession);
            second.sync().syncOnce(second.client(), secondSession);

            assertThat(pushed.push().refused()).isZero();
            JsonNode onServer = store.master("GET", "/classes/Modality/" + ct.id(), null);
            assertThat(onServer.path("active").asBoolean(true)).isFalse();
            assertThat(onServer.path("aeTitle").asText()).isEqualTo("CTNORTH");
            assertThat(second.workstation.facilities().modality(ct.id())).hasValueSatisfying(m -> {
                assertThat(m.active()).isFalse();
                assertThat(m.aeTitle()).isEqualTo("CTNORTH");
                assertThat(m.imagingCenterId()).isEqualTo(center.id());
            });
            assertThat(second.workstation.facilities().modalities()).extracting(Modality::id).doesNotContain(ct.id());
            assertThat(second.workstation.facilities().center(center.id())).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
        }
    }
}
