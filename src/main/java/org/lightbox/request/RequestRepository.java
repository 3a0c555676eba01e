package org.lightbox.request;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lightbox.domain.Accession;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Mrn;
import org.lightbox.domain.PatientName;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Sex;
import org.lightbox.store.Sql;

/** SQL for patients and imaging requests. Works inside the caller's connection or transaction. */
final class RequestRepository {
    private static final String SELECT_REQUEST = "SELECT r.*, p.id AS p_id, p.mrn, p.family_name, p.given_name, p.birth_date, p.sex"
            + " FROM imaging_request r JOIN patient p ON p.id = r.patient_id ";

    Optional<ImagingRequest> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, SELECT_REQUEST + "WHERE r.id = ?", RequestRepository::request, id);
    }

    Optional<ImagingRequest> byAccession(Connection c, String accession) throws SQLException {
        return Sql.one(c, SELECT_REQUEST + "WHERE r.accession = ?", RequestRepository::request, accession);
    }

    /** Open requests of a patient for the same modality, ordered within the given window. */
    List<ImagingRequest> similar(Connection c, String patientId, ModalityType modality, Instant from,
            Instant to) throws SQLException {
        return Sql.list(c, SELECT_REQUEST + "WHERE r.patient_id = ? AND r.requested_modality = ? AND r.ordered_at BETWEEN ? AND ?"
                + " AND r.status <> 'cancelled' ORDER BY r.ordered_at", RequestRepository::request, patientId, modality, from, to);
    }

    void insert(Connection c, ImagingRequest r, String createdBy) throws SQLException {
        Sql.update(c, "INSERT INTO imaging_request(id, accession, patient_id, ordering_clinician, priority, requested_modality,"
                        + " description, clinical_indication, imaging_center_id, scheduled_modality_id, scheduled_at, status,"
                        + " likely_duplicate_of, ordered_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.accession().value(), r.patient().id(), r.orderingClinician(), r.priority(), r.requestedModality(),
                r.description(), r.clinicalIndication(), r.imagingCenterId(), r.scheduledModalityId(), r.scheduledAt(),
                r.status(), r.likelyDuplicateOf(), r.orderedAt(), createdBy, r.orderedAt());
    }

    void update(Connection c, ImagingRequest r, Instant now) throws SQLException {
        Sql.update(c, "UPDATE imaging_request SET status = ?, scheduled_modality_id = ?, scheduled_at = ?, cancel_reason = ?,"
                        + " performed_at = ?, updated_at = ? WHERE id = ?",
                r.status(), r.scheduledModalityId(), r.scheduledAt(), r.cancelReason(), r.performedAt(), now, r.id());
    }

    Optional<Patient> patientByMrn(Connection c, Mrn mrn) throws SQLException {
        return Sql.one(c, "SELECT id AS p_id, mrn, family_name, given_name, birth_date, sex FROM patient WHERE mrn = ?",
                RequestRepository::patient, mrn.value());
    }

    /**
     * Patients born that day whose name is the same as {@code name} once case and accents are set aside.
     * The birth date narrows in SQL and the name is compared in Java: SQLite's NOCASE folds only ASCII,
     * so "MÜLLER" and "Müller" (or "Muller") would never meet in a query.
     */
    List<Patient> patientsNamed(Connection c, PatientName name, LocalDate birthDate) throws SQLException {
        return Sql.list(c, "SELECT id AS p_id, mrn, family_name, given_name, birth_date, sex FROM patient WHERE birth_date = ?",
                RequestRepository::patient, birthDate.toString())
                .stream().filter(p -> p.name().sameAs(name)).toList();
    }

    void insertPatient(Connection c, Patient p, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO patient(id, mrn, family_name, given_name, birth_date, sex, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.mrn().value(), p.name().family(), p.name().given(), p.birthDate().toString(), p.sex(), now, now);
    }

    private static ImagingRequest request(ResultSet r) throws SQLException {
        return new ImagingRequest(r.getString("id"), new Accession(r.getString("accession")), patient(r),
                r.getString("ordering_clinician"), Priority.of(r.getString("priority")),
                ModalityType.of(r.getString("requested_modality")), r.getString("description"),
                r.getString("clinical_indication"), r.getString("imaging_center_id"), r.getString("scheduled_modality_id"),
                Sql.instant(r, "scheduled_at"), RequestStatus.of(r.getString("status")), r.getString("likely_duplicate_of"),
                r.getString("cancel_reason"), Sql.instant(r, "ordered_at"), Sql.instant(r, "performed_at"));
    }

    private static Patient patient(ResultSet r) throws SQLException {
        return new Patient(r.getString("p_id"), new Mrn(r.getString("mrn")),
                new PatientName(r.getString("family_name"), r.getString("given_name")),
                LocalDate.parse(r.getString("birth_date")), Sex.of(r.getString("sex")));
    }
}
