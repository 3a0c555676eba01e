package org.lightbox.sync;

import static org.lightbox.sync.LocalRows.exists;
import static org.lightbox.sync.LocalRows.known;
import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;

/** Imaging requests from the central store: the server is right about scheduling fields ({@link ConcurrentChanges}). */
final class RemoteRequests {
    private static final List<String> SCHEDULING = List.of("priority", "imagingCenterId", "scheduledModalityId",
            "scheduledAt");

    private final ConflictLog conflicts;
    private final ConcurrentChanges concurrent;
    private final KnownServerState known;
    private final Clock clock;

    RemoteRequests(ConflictLog conflicts, ConcurrentChanges concurrent, KnownServerState known, Clock clock) {
        this.conflicts = conflicts;
        this.concurrent = concurrent;
        this.known = known;
        this.clock = clock;
    }

    boolean apply(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        if (!exists(tx, "imaging_request", id)) {
            boolean inserted = insert(tx, id, o);
            if (inserted) {
                known.pulled(tx, "ImagingRequest", id, o);
            }
            return inserted;
        }
        JsonNode kept = PendingChanges.hasPending(tx, "ImagingRequest", id)
                ? concurrent.resolve(tx, "ImagingRequest", id, o, SCHEDULING) : o;
        known.pulled(tx, "ImagingRequest", id, o);
        return Sql.update(tx, "UPDATE imaging_request SET ordering_clinician = ?, priority = ?, description = ?,"
                + " clinical_indication = ?, imaging_center_id = ?, scheduled_modality_id = ?, scheduled_at = ?, status = ?,"
                + " cancel_reason = ?, performed_at = ?, updated_at = ? WHERE id = ?",
                textOr(kept, "orderingClinician", ""), text(kept, "priority"), textOr(kept, "description", ""),
                textOr(kept, "clinicalIndication", ""), known(tx, "imaging_center", text(kept, "imagingCenterId")),
                known(tx, "modality", text(kept, "scheduledModalityId")), date(kept, "scheduledAt"),
                textOr(kept, "status", "requested"), text(kept, "cancelReason"), date(kept, "performedAt"), clock.instant(), id) > 0;
    }

    private boolean insert(Connection tx, String id, JsonNode o) throws SQLException {
        String accession = text(o, "accessionNumber");
        if (accession == null || Sql.count(tx, "SELECT count(*) FROM imaging_request WHERE accession = ?", accession) > 0) {
            conflicts.record(tx, "ImagingRequest", id, List.of("accessionNumber"), "accession already used here",
                    String.valueOf(accession), ConflictLog.Resolution.NOT_APPLIED);
            return false;
        }
        String patient = patientFor(tx, o);
        Sql.update(tx, "INSERT INTO imaging_request(id, accession, patient_id, ordering_clinician, priority,"
                + " requested_modality, description, clinical_indication, imaging_center_id, scheduled_modality_id,"
                + " scheduled_at, status, likely_duplicate_of, cancel_reason, ordered_at, performed_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, accession, patient, textOr(o, "orderingClinician", ""), text(o, "priority"),
                textOr(o, "requestedModality", ""), textOr(o, "description", ""), textOr(o, "clinicalIndication", ""),
                known(tx, "imaging_center", text(o, "imagingCenterId")), known(tx, "modality", text(o, "scheduledModalityId")),
                date(o, "scheduledAt"), textOr(o, "status", "requested"),
                known(tx, "imaging_request", text(o, "likelyDuplicateOf")), text(o, "cancelReason"),
                Objects.requireNonNullElse(date(o, "orderedAt"), clock.instant()), date(o, "performedAt"), clock.instant());
        return true;
    }

    /** The patient with the request's MRN, registered from the request's identity if this workstation has never seen it. */
    private String patientFor(Connection tx, JsonNode o) throws SQLException {
        String mrn = textOr(o, "patientMrn", "");
        Optional<String> known = Sql.one(tx, "SELECT id FROM patient WHERE mrn = ?", r -> r.getString(1), mrn);
        if (known.isPresent()) {
            return known.get();
        }
        String id = Ids.newId();
        Sql.update(tx, "INSERT INTO patient(id, mrn, family_name, given_name, birth_date, sex, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, mrn, textOr(o, "patientFamilyName", ""), textOr(o, "patientGivenName", ""),
                textOr(o, "patientBirthDate", "1900-01-01"), textOr(o, "patientSex", "U"), clock.instant(), clock.instant());
        return id;
    }
}
