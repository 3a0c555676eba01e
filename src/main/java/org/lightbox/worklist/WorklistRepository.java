package org.lightbox.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.PatientName;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/** Loads the worklist snapshot: every request with its patient, worklist item, people and study count. */
public final class WorklistRepository {
    private static final String ENTRIES = """
            SELECT r.id, r.accession, r.priority, r.status, r.requested_modality, r.description,
                   r.ordered_at, r.scheduled_at, r.performed_at, r.likely_duplicate_of,
                   p.family_name, p.given_name, p.mrn,
                   w.due_at, w.assignee_id, a.display_name AS assignee_name,
                   w.lock_holder_id, l.display_name AS lock_holder_name, w.lock_expires_at,
                   (SELECT count(*) FROM dicom_study s WHERE s.request_id = r.id) AS studies,
                   EXISTS (SELECT 1 FROM critical_result_notice n WHERE n.report_id = rep.id) AS critical,
                   rep.status = 'in_review' AS in_review, rep.reviewer_id, rv.display_name AS reviewer_name
            FROM imaging_request r
            JOIN patient p ON p.id = r.patient_id
            LEFT JOIN worklist_item w ON w.request_id = r.id
            LEFT JOIN app_user a ON a.id = w.assignee_id
            LEFT JOIN app_user l ON l.id = w.lock_holder_id
            LEFT JOIN report rep ON rep.request_id = r.id
            LEFT JOIN app_user rv ON rv.id = rep.reviewer_id
            """;

    private final Database database;

    public WorklistRepository(Database database) {
        this.database = database;
    }

    /** Changes whenever anything committed to the store since the last call; see {@link Database#changeStamp()}. */
    public long changeStamp() {
        return database.changeStamp();
    }

    public WorklistSnapshot snapshot() {
        return new WorklistSnapshot(database.read(c -> Sql.list(c, ENTRIES, WorklistRepository::entry)));
    }

    private static WorklistEntry entry(ResultSet r) throws SQLException {
        String patientName = new PatientName(r.getString("family_name"), r.getString("given_name")).display();
        return new WorklistEntry(r.getString("id"), r.getString("accession"), Priority.of(r.getString("priority")),
                RequestStatus.of(r.getString("status")), patientName, r.getString("mrn"),
                ModalityType.of(r.getString("requested_modality")), r.getString("description"), Sql.instant(r, "ordered_at"),
                Sql.instant(r, "scheduled_at"), Sql.instant(r, "performed_at"), Sql.instant(r, "due_at"),
                r.getString("assignee_id"), r.getString("assignee_name"), r.getString("lock_holder_id"),
                r.getString("lock_holder_name"), Sql.instant(r, "lock_expires_at"), r.getString("likely_duplicate_of") != null,
                r.getInt("studies"), r.getInt("critical") == 1, r.getInt("in_review") == 1, r.getString("reviewer_id"),
                r.getString("reviewer_name"));
    }
}
