package org.lightbox.request;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Mrn;
import org.lightbox.domain.PatientName;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Sex;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Database;

/** Registered patients: one per MRN, with a lookout for the same person under a second MRN. */
public final class PatientRegistry {
    private final Database database;
    private final RequestRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public PatientRegistry(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.repository = new RequestRepository();
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Patient> findByMrn(Mrn mrn) {
        return database.read(c -> repository.patientByMrn(c, mrn));
    }

    /** Patients with this name and birth date under an MRN other than {@code mrn}: possibly the same person. */
    public List<Patient> namesakes(Connection c, PatientName name, LocalDate birthDate, Mrn mrn) throws SQLException {
        return repository.patientsNamed(c, name, birthDate).stream().filter(p -> !p.mrn().equals(mrn)).toList();
    }

    /** Registers a new patient inside {@code tx}; a second patient with the same MRN is refused. */
    public Patient register(Connection tx, Actor actor, Mrn mrn, PatientName name, LocalDate birthDate, Sex sex)
            throws SQLException {
        actor.require(Permission.REGISTER_REQUEST);
        Optional<Patient> existing = repository.patientByMrn(tx, mrn);
        if (existing.isPresent()) {
            throw ValidationException.of(RequestForm.MRN, "MRN " + mrn + " is already registered to "
                    + existing.get().name().display() + " (born " + existing.get().birthDate() + ")");
        }
        Patient patient = new Patient(Ids.newId(), mrn, name, birthDate, sex);
        repository.insertPatient(tx, patient, clock.instant());
        audit.append(tx, actor, RequestAction.PATIENT_REGISTERED, "Patient", patient.id(), Map.of("mrn", mrn.value()));
        return patient;
    }
}
