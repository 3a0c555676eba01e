package org.lightbox.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;

class RequestIntakeTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private RequestIntake intake;
    private Actor scheduler;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        intake = scenario.workstation.intake();
        scheduler = scenario.user("marsh", Role.SCHEDULER);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static RequestForm with(RequestForm f, String field, String value) {
        return new RequestForm(
                field.equals("mrn") ? value : f.mrn(), field.equals("familyName") ? value : f.familyName(),
                field.equals("givenName") ? value : f.givenName(), field.equals("birthDate") ? value : f.birthDate(),
                field.equals("sex") ? value : f.sex(), field.equals("accession") ? value : f.accession(),
                field.equals("orderingClinician") ? value : f.orderingClinician(), field.equals("priority") ? value : f.priority(),
                field.equals("modality") ? value : f.modality(), field.equals("description") ? value : f.description(),
                f.clinicalIndication(), f.imagingCenterId(), f.scheduledModalityId(), f.scheduledAt());
    }

    @Test
    void aValidFormCreatesARequestedRequestForANewPatient() {
        IntakeOutcome outcome = intake.submit(scheduler, scenario.form("LB-1", "Moreau"), false);
        ImagingRequest request = ((IntakeOutcome.Created) outcome).request();
        assertThat(request.status()).isEqualTo(RequestStatus.REQUESTED);
        assertThat(request.patient().mrn().value()).isEqualTo("LB-1");
        assertThat(scenario.workstation.patients().findByMrn(request.patient().mrn())).isPresent();
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        RequestForm bad = new RequestForm("LB 1", "", "Alice", "2099-01-01", "X", "", "", "asap", "CTX", "", "", null, null, null);
        assertThatThrownBy(() -> intake.submit(scheduler, bad, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("mrn", "familyName", "birthDate", "sex", "accession", "orderingClinician", "priority",
                                "modality", "description"));
    }

    @Test
    void aSecondRequestForAKnownMrnReusesThePatient() {
        ImagingRequest first = scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        RequestForm second = with(with(scenario.form("LB-1", "Moreau"), "modality", "MR"), "description", "MR brain");
        ImagingRequest again = ((IntakeOutcome.Created) intake.submit(scheduler, second, false)).request();
        assertThat(again.patient().id()).isEqualTo(first.patient().id());
    }

    @Test
    void aKnownMrnWithAnotherNameIsRefusedNextToTheName() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        assertThatThrownBy(() -> intake.submit(scheduler, scenario.form("LB-1", "Novak"), false))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("familyName");
                    assertThat(e.errors().get(0).message()).startsWith("MRN LB-1 is MOREAU, Alice, born 1954-03-12");
                });
    }

    @Test
    void aDuplicateMrnIsNeverRegisteredTwice() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        assertThatThrownBy(() -> scenario.workstation.database().update(tx -> scenario.workstation.patients().register(tx,
                scheduler, org.lightbox.domain.Mrn.of("LB-1"), new org.lightbox.domain.PatientName("Other", ""),
                java.time.LocalDate.of(1980, 1, 1), org.lightbox.domain.Sex.MALE)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("MRN LB-1 is already registered to MOREAU, Alice");
    }

    @Test
    void theSameNameAndBirthDateUnderAnotherMrnIsWarnedAndNeedsConfirmation() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        IntakeOutcome outcome = intake.submit(scheduler, scenario.form("LB-2", "MOREAU"), false);
        assertThat(outcome).isInstanceOfSatisfying(IntakeOutcome.NeedsConfirmation.class, pending -> {
            assertThat(pending.warnings()).extracting(IntakeWarning::kind).containsExactly(IntakeWarning.Kind.SAME_NAME_AND_BIRTH_DATE);
            assertThat(pending.warnings().get(0).message()).contains("already registered under MRN LB-1");
        });
        assertThat(scenario.workstation.patients().findByMrn(org.lightbox.domain.Mrn.of("LB-2"))).isEmpty();
        IntakeOutcome confirmed = intake.submit(scheduler, scenario.form("LB-2", "MOREAU"), true);
        assertThat(confirmed).isInstanceOf(IntakeOutcome.Created.class);
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).details()).contains("already registered under MRN LB-1");
    }

    @Test
    void aNamesakeIsWarnedWhateverTheCaseAndAccentsOfItsName() {
        scenario.request(scheduler, scenario.form("LB-1", "Müller"));
        for (String spelling : new String[] {"MÜLLER", "Muller", "müller"}) {
            IntakeOutcome outcome = intake.submit(scheduler, scenario.form("LB-9", spelling), false);
            assertThat(outcome).as(spelling).isInstanceOfSatisfying(IntakeOutcome.NeedsConfirmation.class, pending ->
                    assertThat(pending.warnings()).extracting(IntakeWarning::kind)
                            .containsExactly(IntakeWarning.Kind.SAME_NAME_AND_BIRTH_DATE));
        }
    }

    @Test
    void theSameExamForTheSamePatientWithin24HoursIsFlaggedAsALikelyDuplicate() {
        ImagingRequest first = scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        scenario.clock.advance(Duration.ofHours(20));
        IntakeOutcome pending = intake.submit(scheduler, scenario.form("LB-1", "Moreau"), false);
        assertThat(pending).isInstanceOfSatisfying(IntakeOutcome.NeedsConfirmation.class, p ->
                assertThat(p.warnings().get(0).message()).startsWith("Likely duplicate of " + first.accession()));
        ImagingRequest second = ((IntakeOutcome.Created) intake.submit(scheduler, scenario.form("LB-1", "Moreau"), true)).request();
        assertThat(second.likelyDuplicateOf()).isEqualTo(first.id());
    }

    @Test
    void theSameExamTwoDaysLaterIsNotADuplicate() {
        scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        scenario.clock.advance(Duration.ofHours(25));
        assertThat(intake.submit(scheduler, scenario.form("LB-1", "Moreau"), false)).isInstanceOf(IntakeOutcome.Created.class);
    }

    @Test
    void anAccessionNumberIsUsedOnce() {
        RequestForm form = scenario.form("LB-1", "Moreau");
        scenario.request(scheduler, form);
        RequestForm again = with(with(scenario.form("LB-2", "Novak"), "accession", form.accession()), "givenName", "Boris");
        assertThatThrownBy(() -> intake.submit(scheduler, again, true))
                .hasMessage("accession: Accession number " + form.accession() + " is already in use");
    }

    @Test
    void aScheduledRequestNeedsAScannerOfTheRequestedModality() {
        String mr = scenario.scanner(org.lightbox.domain.ModalityType.MR);
        RequestForm f = scenario.form("LB-1", "Moreau");
        RequestForm scheduledOnMr = new RequestForm(f.mrn(), f.familyName(), f.givenName(), f.birthDate(), f.sex(), f.accession(),
                f.orderingClinician(), f.priority(), f.modality(), f.description(), f.clinicalIndication(), null, mr,
                LocalDateTime.now(scenario.clock).plusHours(1));
        assertThatThrownBy(() -> intake.submit(scheduler, scheduledOnMr, false))
                .hasMessage("scheduledModalityId: MR-1 is a MR, not a CT");
    }

    @Test
    void aTechnologistCannotRegisterRequests() {
        Actor tech = scenario.user("rivera", Role.TECHNOLOGIST);
        assertThatThrownBy(() -> intake.submit(tech, scenario.form("LB-1", "Moreau"), false))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void theRequestItsAuditEventAndItsOutboxEntryAreSavedTogether() {
        long before = scenario.workstation.outbox().waiting();
        ImagingRequest r = scenario.request(scheduler, scenario.form("LB-1", "Moreau"));
        long queued = scenario.workstation.database().read(c -> Sql.count(c,
                "SELECT count(*) FROM outbox WHERE class_name = 'ImagingRequest' AND object_id = ?", r.id()));
        assertThat(queued).isEqualTo(1);
        // The patient's registration, the request's creation and their two audit events.
        assertThat(scenario.workstation.outbox().waiting()).isEqualTo(before + 3);
    }
}
