package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;
import static org.lightbox.sync.LocalRows.differing;
import static org.lightbox.sync.LocalRows.known;
import static org.lightbox.sync.LocalRows.subset;
import static org.lightbox.sync.LocalRows.copy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;

/** Imaging requests from the central store: the server is right about scheduling fields. */
final class RemoteRequests {
    private static final List<String> SCHEDULING = List.of("priority", "imagingCenterId", "scheduledModalityId",
            "scheduledAt");

    private final ConflictLog conflicts;
    private final PendingChanges pending;
    private final Clock clock;

    RemoteRequests(ConflictLog conflicts, PendingChanges pending, Clock clock) {
        this.conflicts = conflicts;
        this.pending = pending;
        this.clock = clock;
    }

    boolean apply(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String accession = text(o, "accessionNumber");
        Optional<Map<String, Object>> local = Sql.one(tx, "SELECT priority, imaging_center_id, scheduled_modality_id,"
                + " scheduled_at FROM imaging_request WHERE id = ?", r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("priority", r.getString(1));
                    m.put("imagingCenterId", r.getString(2));
                    m.put("scheduledModalityId", r.getString(3));
                    m.put("scheduledAt", org.lightbox.store.Sql.instant(r, "scheduled_at"));
                    return m;
                }, id);
        String center = known(tx, "imaging_center", text(o, "imagingCenterId"));
        String modality = known(tx, "modality", text(o, "scheduledModalityId"));
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("priority", text(o, "priority"));
        server.put("imagingCenterId", center);
        server.put("scheduledModalityId", modality);
        server.put("scheduledAt", date(o, "scheduledAt"));
        if (local.isEmpty()) {
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
                    id, accession, patient, textOr(o, "orderingClinician", ""), server.get("priority"),
                    textOr(o, "requestedModality", ""), textOr(o, "description", ""), textOr(o, "clinicalIndication", ""),
                    center, modality, server.get("scheduledAt"), textOr(o, "status", "requested"),
                    known(tx, "imaging_request", text(o, "likelyDuplicateOf")), text(o, "cancelReason"),
                    Objects.requireNonNullElse(date(o, "orderedAt"), clock.instant()), date(o, "performedAt"), clock.instant());
            return true;
        }
        if (PendingChanges.hasPending(tx, "ImagingRequest", id)) {
            List<String> differing = differing(SCHEDULING, local.get(), server);
            if (differing.isEmpty()) {
                return false;
            }
            updateRequestScheduling(tx, id, server);
            pending.rewritePending(tx, "ImagingRequest", id, p -> copy(o, p, SCHEDULING));
            conflicts.record(tx, "ImagingRequest", id, differing, subset(local.get(), differing), subset(server, differing),
                    ConflictLog.Resolution.SERVER_WINS_SCHEDULING);
            return true;
        }
        return Sql.update(tx, "UPDATE imaging_request SET ordering_clinician = ?, priority = ?, description = ?,"
                + " clinical_indication = ?, imaging_center_id = ?, scheduled_modality_id = ?, scheduled_at = ?, status = ?,"
                + " cancel_reason = ?, performed_at = ?, updated_at = ? WHERE id = ?",
                textOr(o, "orderingClinician", ""), server.get("priority"), textOr(o, "description", ""),
                textOr(o, "clinicalIndication", ""), center, modality, server.get("scheduledAt"), textOr(o, "status", "requested"),
                text(o, "cancelReason"), date(o, "performedAt"), clock.instant(), id) > 0;
    }

    private void updateRequestScheduling(Connection tx, String id, Map<String, Object> server) throws SQLException {
        Sql.update(tx, "UPDATE imaging_request SET priority = ?, imaging_center_id = ?, scheduled_modality_id = ?,"
                + " scheduled_at = ?, updated_at = ? WHERE id = ?", server.get("priority"), server.get("imagingCenterId"),
                server.get("scheduledModalityId"), server.get("scheduledAt"), clock.instant(), id);
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
