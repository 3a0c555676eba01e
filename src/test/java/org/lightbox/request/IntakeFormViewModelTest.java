package org.lightbox.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Priority;
import org.lightbox.domain.Role;
import org.lightbox.domain.Sex;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

class IntakeFormViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor scheduler;
    private final List<ImagingRequest> created = new ArrayList<>();

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        scheduler = scenario.user("marsh", Role.SCHEDULER);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private IntakeFormViewModel form() {
        var w = scenario.workstation;
        return new IntakeFormViewModel(w.intake(), w.patients(), w.facilities(), w.accessionNumbers(), new CurrentThreadTaskExecutor(),
                scheduler, created::add);
    }

    private static void fillValid(IntakeFormViewModel f) {
        f.mrnProperty().set("LB-1");
        f.familyNameProperty().set("Moreau");
        f.givenNameProperty().set("Alice");
        f.birthDateProperty().set("1954-03-12");
        f.sexProperty().set(Sex.FEMALE);
        f.orderingClinicianProperty().set("Dr. Marsh");
        f.priorityProperty().set(Priority.STAT);
        f.modalityProperty().set(ModalityType.CT);
        f.descriptionProperty().set("CT head");
    }

    @Test
    void aFreshFormSuggestsTheNextAccessionNumber() {
        assertThat(form().accessionProperty().get()).isEqualTo("A2611230001");
    }

    @Test
    void aCompleteFormCreatesTheRequest() {
        IntakeFormViewModel f = form();
        fillValid(f);
        f.submit();
        assertThat(created).extracting(r -> r.priority()).containsExactly(Priority.STAT);
        assertThat(f.hasErrors()).isFalse();
    }

    @Test
    void eachRefusalAppearsBesideItsField() {
        IntakeFormViewModel f = form();
        fillValid(f);
        f.birthDateProperty().set("1954-13-40");
        f.mrnProperty().set("LB 1");
        f.submit();
        assertThat(created).isEmpty();
        assertThat(f.errorFor(RequestForm.BIRTH_DATE).get()).contains("real date written YYYY-MM-DD");
        assertThat(f.errorFor(RequestForm.MRN).get()).contains("only letters, digits and '-'");
        assertThat(f.errorFor(RequestForm.FAMILY_NAME).get()).isEmpty();
        assertThat(f.messageProperty().get()).isEqualTo("2 fields need attention.");
    }

    @Test
    void aHalfFilledScheduleIsNamed() {
        IntakeFormViewModel f = form();
        fillValid(f);
        f.scheduledTimeProperty().set("14:30");
        f.submit();
        assertThat(f.errorFor(RequestForm.SCHEDULED_AT).get()).isEqualTo("Choose the day as well as the time");
    }

    @Test
    void aWarningMustBeConfirmedAndAnyChangeAsksAgain() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        IntakeFormViewModel f = form();
        fillValid(f);
        f.priorityProperty().set(Priority.ROUTINE);
        f.descriptionProperty().set("CT head without contrast");
        f.submit();
        assertThat(created).isEmpty();
        assertThat(f.warnings()).singleElement().asString().startsWith("Likely duplicate of ACC1");
        f.warningsConfirmedProperty().set(true);
        f.descriptionProperty().set("CT head without contrast ");
        assertThat(f.warnings()).isEmpty();
        f.submit();
        assertThat(f.warnings()).hasSize(1);
        f.warningsConfirmedProperty().set(true);
        f.submit();
        assertThat(created).hasSize(1);
    }

    @Test
    void aKnownMrnFillsInTheRegisteredPatient() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        IntakeFormViewModel f = form();
        f.mrnProperty().set("LB-1");
        f.lookUpPatient();
        assertThat(f.familyNameProperty().get()).isEqualTo("Moreau");
        assertThat(f.birthDateProperty().get()).isEqualTo("1954-03-12");
        assertThat(f.patientNoteProperty().get()).startsWith("Registered patient: MOREAU, Alice");
    }
}
