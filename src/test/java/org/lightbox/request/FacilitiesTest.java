package org.lightbox.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;

/** Imaging centers and modalities as the administrator keeps them: validated, audited, queued for the central store. */
class FacilitiesTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Facilities facilities;
    private Actor admin;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        facilities = scenario.workstation.facilities();
        admin = scenario.admin();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static List<String> errorsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> f.field() + ": " + f.message()).toList();
        }
        throw new AssertionError("not refused");
    }

    /** The outbox rows for one object, as "operation payload". */
    private List<String> queued(String objectId) {
        return scenario.workstation.database().read(c -> Sql.list(c,
                "SELECT operation || ' ' || payload FROM outbox WHERE object_id = ? ORDER BY seq", r -> r.getString(1), objectId));
    }

    private String latestAction() {
        return scenario.workstation.auditTrail().latest(1).get(0).action();
    }

    @Test
    void aSchedulerMayNotChangeTheFacilities() {
        Actor marsh = scenario.user("marsh", Role.SCHEDULER);
        Modality ct = facilities.addModality(admin, "CT-1", ModalityType.CT, "CT1", null);
        assertThatThrownBy(() -> facilities.addCenter(marsh, "North")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> facilities.editModality(marsh, ct.id(), "CT-2", ModalityType.CT, "CT2", null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> facilities.deactivateModality(marsh, ct.id())).isInstanceOf(PermissionDeniedException.class);
        assertThat(facilities.modality(ct.id()).orElseThrow().name()).isEqualTo("CT-1");
    }

    @Test
    void anAeTitleMustBeOneAPeerAccepts() {
        assertThat(errorsOf(() -> facilities.addModality(admin, "CT-1", ModalityType.CT, "CT_SCANNER_NORTH_1", null)))
                .containsExactly("aeTitle: AE title has 18 characters; DICOM allows at most 16");
        assertThat(errorsOf(() -> facilities.addModality(admin, "CT-1", ModalityType.CT, "CT\\1", null)))
                .containsExactly("aeTitle: AE title must not contain a backslash");
        assertThat(errorsOf(() -> facilities.addModality(admin, "CT-1", ModalityType.CT, "    ", null)))
                .containsExactly("aeTitle: AE title is required (1 to 16 characters, not only spaces)");
        assertThat(errorsOf(() -> facilities.addModality(admin, "CT-1", ModalityType.CT, "CT\t1", null)))
                .containsExactly("aeTitle: AE title may hold only plain printable characters (letters, digits, spaces, - _ .)");
        assertThat(errorsOf(() -> facilities.addModality(admin, " ", null, "CT1", null)))
                .containsExactly("name: Modality name is required", "type: Choose the modality type");
        assertThat(facilities.allModalities()).isEmpty();
    }

    @Test
    void aModalityIsEditedAuditedAndItsNewStateQueuedForTheCentralStore() {
        ImagingCenter north = facilities.addCenter(admin, "North");
        Modality ct = facilities.addModality(admin, "CT-1", ModalityType.CT, "CT1", null);

        Modality edited = facilities.editModality(admin, ct.id(), "CT North", ModalityType.CT, " CTNORTH ", north.id());

        assertThat(edited).isEqualTo(new Modality(ct.id(), "CT North", ModalityType.CT, "CTNORTH", north.id(), true));
        assertThat(latestAction()).isEqualTo("modality.changed");
        assertThat(queued(ct.id())).last().asString().startsWith("update ")
                .contains("\"name\":\"CT North\"", "\"aeTitle\":\"CTNORTH\"", "\"imagingCenterId\":\"" + north.id() + "\"",
                        "\"active\":true");
        assertThat(errorsOf(() -> facilities.editModality(admin, ct.id(), "CT North", ModalityType.CT, "AE_TITLE_OF_20_CHARS",
                north.id()))).containsExactly("aeTitle: AE title has 20 characters; DICOM allows at most 16");
    }

    @Test
    void aDeactivatedModalityIsNoLongerOfferedForSchedulingButStaysListedForTheAdministrator() {
        Modality ct = facilities.addModality(admin, "CT-1", ModalityType.CT, "CT1", null);

        facilities.deactivateModality(admin, ct.id());

        assertThat(facilities.modalities()).isEmpty();
        assertThat(facilities.allModalities()).singleElement().satisfies(m -> assertThat(m.active()).isFalse());
        assertThat(latestAction()).isEqualTo("modality.deactivated");
        assertThat(queued(ct.id())).last().asString().contains("\"active\":false");
        facilities.reactivateModality(admin, ct.id());
        assertThat(facilities.modalities()).extracting(Modality::name).containsExactly("CT-1");
    }

    @Test
    void aCenterIsRenamedUniquelyAndDeactivatedWithoutDisappearing() {
        ImagingCenter north = facilities.addCenter(admin, "North");
        facilities.addCenter(admin, "South");

        assertThat(errorsOf(() -> facilities.renameCenter(admin, north.id(), "South")))
                .containsExactly("name: An imaging center named South exists");
        assertThat(errorsOf(() -> facilities.renameCenter(admin, north.id(), "  "))).containsExactly("name: Imaging center name is required");
        facilities.renameCenter(admin, north.id(), "North Campus");
        assertThat(latestAction()).isEqualTo("imaging_center.changed");
        facilities.deactivateCenter(admin, north.id());

        assertThat(facilities.centers()).extracting(ImagingCenter::name).containsExactly("South");
        assertThat(facilities.allCenters()).extracting(ImagingCenter::name, ImagingCenter::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("North Campus", false), org.assertj.core.groups.Tuple.tuple("South", true));
        assertThat(facilities.center(north.id())).isPresent();
        assertThat(queued(north.id())).hasSize(3).last().asString().startsWith("update ").contains("\"active\":false");
    }
}
