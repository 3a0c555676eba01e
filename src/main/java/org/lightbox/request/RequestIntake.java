package org.lightbox.request;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Accession;
import org.lightbox.domain.Actor;
import org.lightbox.domain.BirthDate;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Mrn;
import org.lightbox.domain.PatientName;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Sex;
import org.lightbox.domain.Text;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;

/**
 * Registers new imaging requests from the intake form: every field validated and named when wrong,
 * the patient matched by MRN (and refused if the form disagrees with the registered identity),
 * likely duplicates and namesakes flagged for the user to confirm, never silently accepted.
 */
public final class RequestIntake {
    /** Requests for the same patient, modality and description this close together are likely duplicates. */
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    private final Database database;
    private final PatientRegistry patients;
    private final Facilities facilities;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final RequestRepository repository = new RequestRepository();

    public RequestIntake(Database database, PatientRegistry patients, Facilities facilities, AuditLog audit, Outbox outbox,
            Clock clock) {
        this.database = database;
        this.patients = patients;
        this.facilities = facilities;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Validates and, unless there are unconfirmed warnings, creates the request.
     *
     * @param warningsConfirmed the user has seen the warnings of an earlier submission and wants the request anyway
     * @throws org.lightbox.domain.ValidationException naming every field that is wrong
     */
    public IntakeOutcome submit(Actor actor, RequestForm form, boolean warningsConfirmed) {
        actor.require(Permission.REGISTER_REQUEST);
        if (form.scheduledAt() != null || !blank(form.scheduledModalityId())) {
            actor.require(Permission.SCHEDULE_REQUEST);
        }
        ValidForm valid = validate(form);
        return database.write(tx -> {
            FormValidation checks = new FormValidation();
            Optional<Patient> registered = repository.patientByMrn(tx, valid.mrn());
            registered.ifPresent(p -> checkSamePerson(p, valid, checks));
            if (repository.byAccession(tx, valid.accession().value()).isPresent()) {
                checks.reject(RequestForm.ACCESSION, "Accession number " + valid.accession() + " is already in use");
            }
            checks.throwIfInvalid();

            List<IntakeWarning> warnings = new ArrayList<>();
            if (registered.isEmpty()) {
                for (Patient namesake : patients.namesakes(tx, valid.name(), valid.birthDate(), valid.mrn())) {
                    warnings.add(new IntakeWarning(IntakeWarning.Kind.SAME_NAME_AND_BIRTH_DATE,
                            namesake.name().display() + ", born " + namesake.birthDate() + ", is already registered under MRN "
                                    + namesake.mrn() + ": is this the same patient?", namesake.id()));
                }
            }
            Instant now = clock.instant();
            Optional<ImagingRequest> duplicate = registered.isEmpty() ? Optional.empty()
                    : likelyDuplicate(tx, registered.get(), valid, now);
            duplicate.ifPresent(d -> warnings.add(new IntakeWarning(IntakeWarning.Kind.LIKELY_DUPLICATE_REQUEST,
                    "Likely duplicate of " + d.accession() + " (" + d.requestedModality() + " " + d.description() + ", "
                            + d.status().label().toLowerCase() + ", ordered " + d.orderedAt() + ")", d.id())));
            if (!warnings.isEmpty() && !warningsConfirmed) {
                return new IntakeOutcome.NeedsConfirmation(warnings);
            }
            Patient patient = registered.isPresent() ? registered.get()
                    : patients.register(tx, actor, valid.mrn(), valid.name(), valid.birthDate(), valid.sex());
            ImagingRequest request = create(tx, actor, patient, valid, duplicate.map(ImagingRequest::id).orElse(null), warnings, now);
            return new IntakeOutcome.Created(request, warnings);
        });
    }

    private ImagingRequest create(Connection tx, Actor actor, Patient patient, ValidForm f, String duplicateOf,
            List<IntakeWarning> confirmed, Instant now) throws SQLException {
        RequestStatus status = f.scheduledAt() == null ? RequestStatus.REQUESTED : RequestStatus.SCHEDULED;
        ImagingRequest request = new ImagingRequest(Ids.newId(), f.accession(), patient, f.orderingClinician(), f.priority(),
                f.modality(), f.description(), f.indication(), f.imagingCenterId(), f.scheduledModalityId(), f.scheduledAt(),
                status, duplicateOf, null, now, null);
        repository.insert(tx, request, actor.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accession", request.accession().value());
        details.put("priority", request.priority().code());
        details.put("status", status.code());
        if (!confirmed.isEmpty()) {
            details.put("confirmedWarnings", confirmed.stream().map(IntakeWarning::message).toList());
        }
        audit.append(tx, actor, RequestAction.REQUEST_CREATED, "ImagingRequest", request.id(), details);
        outbox.enqueue(tx, "ImagingRequest", request.id(), Outbox.Operation.CREATE, RequestPayload.fill(outbox.newPayload(), request));
        return request;
    }

    private Optional<ImagingRequest> likelyDuplicate(Connection tx, Patient patient, ValidForm f, Instant now) throws SQLException {
        return repository.similar(tx, patient.id(), f.modality(), now.minus(DUPLICATE_WINDOW), now.plus(DUPLICATE_WINDOW))
                .stream().filter(r -> r.description().strip().equalsIgnoreCase(f.description())).findFirst();
    }

    /** The form must describe the patient already registered under this MRN: a mismatch is a wrong MRN or a wrong name. */
    private static void checkSamePerson(Patient registered, ValidForm f, FormValidation checks) {
        String who = "MRN " + registered.mrn() + " is " + registered.name().display() + ", born " + registered.birthDate()
                + ", sex " + registered.sex().code();
        if (!registered.name().sameAs(f.name())) {
            checks.reject(RequestForm.FAMILY_NAME, who + ": the name differs. Check the MRN or the name.");
        }
        if (!registered.birthDate().equals(f.birthDate())) {
            checks.reject(RequestForm.BIRTH_DATE, who + ": the birth date differs.");
        }
        if (registered.sex() != f.sex()) {
            checks.reject(RequestForm.SEX, who + ": the sex differs.");
        }
    }

    private ValidForm validate(RequestForm form) {
        FormValidation v = new FormValidation();
        Mrn mrn = v.field(RequestForm.MRN, () -> Mrn.of(form.mrn()));
        String family = v.field(RequestForm.FAMILY_NAME, () -> Text.required(form.familyName(), "Family name", 64));
        String given = v.field(RequestForm.GIVEN_NAME, () -> Text.optional(form.givenName(), "Given name", 64));
        PatientName name = family == null || given == null ? null
                : v.field(RequestForm.FAMILY_NAME, () -> new PatientName(family, given));
        LocalDate birthDate = v.field(RequestForm.BIRTH_DATE, () -> BirthDate.parse(form.birthDate(), clock));
        Sex sex = v.field(RequestForm.SEX, () -> Sex.of(form.sex()));
        Accession accession = v.field(RequestForm.ACCESSION, () -> Accession.of(form.accession()));
        String clinician = v.field(RequestForm.ORDERING_CLINICIAN,
                () -> Text.required(form.orderingClinician(), "Ordering clinician", 64));
        Priority priority = v.field(RequestForm.PRIORITY, () -> Priority.of(form.priority()));
        ModalityType modality = v.field(RequestForm.MODALITY, () -> ModalityType.of(form.modality()));
        String description = v.field(RequestForm.DESCRIPTION, () -> Text.required(form.description(), "Description", 64));
        String indication = v.field(RequestForm.CLINICAL_INDICATION,
                () -> Text.optional(form.clinicalIndication(), "Clinical indication", 1024));
        String center = blank(form.imagingCenterId()) ? null : form.imagingCenterId();
        if (center != null && facilities.center(center).isEmpty()) {
            v.reject(RequestForm.IMAGING_CENTER, "Unknown imaging center");
        }
        Instant scheduledAt = validateSchedule(form, modality, v);
        v.throwIfInvalid();
        return new ValidForm(mrn, name, birthDate, sex, accession, clinician, priority, modality, description, indication,
                center, blank(form.scheduledModalityId()) ? null : form.scheduledModalityId(), scheduledAt);
    }

    private Instant validateSchedule(RequestForm form, ModalityType modality, FormValidation v) {
        boolean hasModality = !blank(form.scheduledModalityId());
        if (form.scheduledAt() == null && !hasModality) {
            return null;
        }
        if (form.scheduledAt() == null) {
            v.reject(RequestForm.SCHEDULED_AT, "Choose when, or clear the scheduled modality");
            return null;
        }
        if (!hasModality) {
            v.reject(RequestForm.SCHEDULED_MODALITY, "Choose the modality it is scheduled on");
            return null;
        }
        Optional<Modality> scheduled = facilities.modality(form.scheduledModalityId());
        if (scheduled.isEmpty()) {
            v.reject(RequestForm.SCHEDULED_MODALITY, "Unknown modality");
        } else if (modality != null && scheduled.get().type() != modality) {
            v.reject(RequestForm.SCHEDULED_MODALITY, scheduled.get().name() + " is a " + scheduled.get().type()
                    + ", not a " + modality);
        }
        Instant at = form.scheduledAt().atZone(clock.getZone()).toInstant();
        if (at.isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
            v.reject(RequestForm.SCHEDULED_AT, "The scheduled time is in the past");
        }
        return at;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record ValidForm(Mrn mrn, PatientName name, LocalDate birthDate, Sex sex, Accession accession,
            String orderingClinician, Priority priority, ModalityType modality, String description, String indication,
            String imagingCenterId, String scheduledModalityId, Instant scheduledAt) {
    }
}
