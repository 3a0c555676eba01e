package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.bool;
import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.pointer;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;

/**
 * Applies objects pulled from the central store to the local tables, by the conflict rules: the server
 * is right about scheduling fields, the author is right about an unsigned draft, a signed report never
 * changes. A local change still waiting in the outbox is what makes a difference a conflict; without
 * one, the server's version is simply newer. Pulled changes are not queued back to the server.
 */
final class RemoteChanges {
    private static final List<String> REQUEST_SCHEDULING = List.of("priority", "imagingCenterId", "scheduledModalityId",
            "scheduledAt");
    private static final List<String> WORKLIST_SCHEDULING = List.of("assigneeId", "queue", "dueAt");

    private final ConflictLog conflicts;
    private final PendingChanges pending;
    private final AccountCache accounts;
    private final Clock clock;

    RemoteChanges(ConflictLog conflicts, PendingChanges pending, AccountCache accounts, Clock clock) {
        this.conflicts = conflicts;
        this.pending = pending;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Applies one object of {@code className}; returns whether anything local changed. */
    boolean apply(Connection tx, String className, JsonNode o) throws SQLException {
        return switch (className) {
            case "ImagingCenter" -> center(tx, o);
            case "Modality" -> modality(tx, o);
            case "_User" -> user(tx, o);
            case "ImagingRequest" -> request(tx, o);
            case "WorklistItem" -> worklistItem(tx, o);
            case "Report" -> report(tx, o);
            default -> false;
        };
    }

    private boolean center(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String name = textOr(o, "name", id);
        if (exists(tx, "imaging_center", id)) {
            return Sql.update(tx, "UPDATE imaging_center SET name = ?, updated_at = ? WHERE id = ? AND name <> ?",
                    name, clock.instant(), id, name) > 0;
        }
        return Sql.update(tx, "INSERT INTO imaging_center(id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                id, name, clock.instant(), clock.instant()) > 0;
    }

    private boolean modality(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String center = known(tx, "imaging_center", text(o, "imagingCenterId"));
        if (exists(tx, "modality", id)) {
            return Sql.update(tx, "UPDATE modality SET name = ?, type = ?, ae_title = ?, imaging_center_id = ? WHERE id = ?",
                    textOr(o, "name", id), textOr(o, "type", "OT"), text(o, "aeTitle"), center, id) > 0;
        }
        return Sql.update(tx, "INSERT INTO modality(id, name, type, ae_title, imaging_center_id) VALUES (?, ?, ?, ?, ?)",
                id, textOr(o, "name", id), textOr(o, "type", "OT"), text(o, "aeTitle"), center) > 0;
    }

    private boolean user(Connection tx, JsonNode o) throws SQLException {
        String username = text(o, "username");
        if (username == null) {
            return false;
        }
        accounts.store(tx, o.path("objectId").asText(), username, textOr(o, "displayName", username), null, null);
        return true;
    }

    private boolean request(Connection tx, JsonNode o) throws SQLException {
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
            List<String> differing = differing(REQUEST_SCHEDULING, local.get(), server);
            if (differing.isEmpty()) {
                return false;
            }
            updateRequestScheduling(tx, id, server);
            pending.rewritePending(tx, "ImagingRequest", id, p -> copy(o, p, REQUEST_SCHEDULING));
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

    private boolean worklistItem(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String request = known(tx, "imaging_request", pointer(o, "request"));
        if (request == null) {
            conflicts.record(tx, "WorklistItem", id, List.of("request"), "no such request here",
                    String.valueOf(pointer(o, "request")), ConflictLog.Resolution.NOT_APPLIED);
            return false;
        }
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("assigneeId", known(tx, "app_user", text(o, "assigneeId")));
        server.put("queue", textOr(o, "queue", ""));
        server.put("dueAt", Objects.requireNonNullElse(date(o, "dueAt"), clock.instant()));
        String lockHolder = known(tx, "app_user", text(o, "lockHolderId"));
        Optional<Map<String, Object>> local = Sql.one(tx, "SELECT assignee_id, queue, due_at FROM worklist_item WHERE id = ?",
                r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("assigneeId", r.getString(1));
                    m.put("queue", r.getString(2));
                    m.put("dueAt", Sql.instant(r, "due_at"));
                    return m;
                }, id);
        if (local.isEmpty()) {
            if (Sql.count(tx, "SELECT count(*) FROM worklist_item WHERE request_id = ?", request) > 0) {
                conflicts.record(tx, "WorklistItem", id, List.of("request"), "request already on the local worklist",
                        request, ConflictLog.Resolution.NOT_APPLIED);
                return false;
            }
            Sql.update(tx, "INSERT INTO worklist_item(id, request_id, assignee_id, queue, status, due_at, lock_holder_id,"
                    + " lock_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, request, server.get("assigneeId"), server.get("queue"), textOr(o, "status", "performed"),
                    server.get("dueAt"), lockHolder, date(o, "lockExpiresAt"), clock.instant(), clock.instant());
            return true;
        }
        if (PendingChanges.hasPending(tx, "WorklistItem", id)) {
            List<String> differing = differing(WORKLIST_SCHEDULING, local.get(), server);
            if (differing.isEmpty()) {
                return false;
            }
            Sql.update(tx, "UPDATE worklist_item SET assignee_id = ?, queue = ?, due_at = ?, updated_at = ? WHERE id = ?",
                    server.get("assigneeId"), server.get("queue"), server.get("dueAt"), clock.instant(), id);
            pending.rewritePending(tx, "WorklistItem", id, p -> copy(o, p, WORKLIST_SCHEDULING));
            conflicts.record(tx, "WorklistItem", id, differing, subset(local.get(), differing), subset(server, differing),
                    ConflictLog.Resolution.SERVER_WINS_SCHEDULING);
            return true;
        }
        return Sql.update(tx, "UPDATE worklist_item SET assignee_id = ?, queue = ?, status = ?, due_at = ?, lock_holder_id = ?,"
                + " lock_expires_at = ?, updated_at = ? WHERE id = ?", server.get("assigneeId"), server.get("queue"),
                textOr(o, "status", "performed"), server.get("dueAt"), lockHolder, date(o, "lockExpiresAt"), clock.instant(), id) > 0;
    }

    private boolean report(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String serverStatus = textOr(o, "status", "draft");
        Optional<Map<String, Object>> local = Sql.one(tx, "SELECT status, findings, impression FROM report WHERE id = ?", r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", r.getString(1));
            m.put("findings", r.getString(2));
            m.put("impression", r.getString(3));
            return m;
        }, id);
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("status", serverStatus);
        server.put("findings", textOr(o, "findings", ""));
        server.put("impression", textOr(o, "impression", ""));
        if (local.isEmpty()) {
            String request = known(tx, "imaging_request", pointer(o, "request"));
            String author = known(tx, "app_user", text(o, "authorId"));
            if (request == null || author == null
                    || Sql.count(tx, "SELECT count(*) FROM report WHERE request_id = ?", request) > 0) {
                return false;
            }
            Sql.update(tx, "INSERT INTO report(id, request_id, study_id, author_id, reviewer_id, status, indication, technique,"
                    + " comparison, findings, impression, critical, draft_saved_at, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, request, known(tx, "dicom_study", text(o, "studyId")),
                    author, known(tx, "app_user", text(o, "reviewerId")), serverStatus, textOr(o, "indication", ""),
                    textOr(o, "technique", ""), textOr(o, "comparison", ""), server.get("findings"), server.get("impression"),
                    bool(o, "critical"), date(o, "draftSavedAt"), clock.instant(), clock.instant());
            return true;
        }
        List<String> differing = differing(List.of("status", "findings", "impression"), local.get(), server);
        if (differing.isEmpty()) {
            return false;
        }
        boolean localSigned = isSigned((String) local.get().get("status"));
        boolean serverSigned = isSigned(serverStatus);
        if (localSigned) {
            conflicts.record(tx, "Report", id, differing, local.get(), server, ConflictLog.Resolution.SIGNED_VERSION_KEPT);
            return false;
        }
        if (serverSigned) {
            // Signed elsewhere: the signature stands; the unsigned local text stays readable in the conflict.
            if (PendingChanges.hasPending(tx, "Report", id)) {
                conflicts.record(tx, "Report", id, differing, local.get(), server, ConflictLog.Resolution.SIGNED_VERSION_KEPT);
                pending.discardPending(tx, "Report", id);
            }
            overwriteReport(tx, id, o, serverStatus);
            return true;
        }
        if (PendingChanges.hasPending(tx, "Report", id)) {
            conflicts.record(tx, "Report", id, differing, local.get(), server, ConflictLog.Resolution.AUTHOR_WINS_DRAFT);
            return false;
        }
        overwriteReport(tx, id, o, serverStatus);
        return true;
    }

    private void overwriteReport(Connection tx, String id, JsonNode o, String status) throws SQLException {
        Sql.update(tx, "UPDATE report SET status = ?, reviewer_id = ?, indication = ?, technique = ?, comparison = ?,"
                + " findings = ?, impression = ?, critical = ?, updated_at = ? WHERE id = ?", status,
                known(tx, "app_user", text(o, "reviewerId")), textOr(o, "indication", ""), textOr(o, "technique", ""),
                textOr(o, "comparison", ""), textOr(o, "findings", ""), textOr(o, "impression", ""), bool(o, "critical"),
                clock.instant(), id);
    }

    private static boolean isSigned(String status) {
        return "final".equals(status) || "amended".equals(status);
    }

    private static List<String> differing(List<String> fields, Map<String, Object> local, Map<String, Object> server) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (!Objects.equals(local.get(f), server.get(f))) {
                out.add(f);
            }
        }
        return out;
    }

    private static Map<String, Object> subset(Map<String, Object> values, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            Object v = values.get(f);
            out.put(f, v instanceof Instant i ? i.toString() : v);
        }
        return out;
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> fields) {
        for (String f : fields) {
            JsonNode v = from.get(f);
            if (v == null || v.isNull()) {
                to.putNull(f);
            } else {
                to.set(f, v.deepCopy());
            }
        }
    }

    private static boolean exists(Connection tx, String table, String id) throws SQLException {
        return Sql.count(tx, "SELECT count(*) FROM " + table + " WHERE id = ?", id) > 0;
    }

    /** {@code id} if this workstation has that row, else null (a reference it cannot follow yet). */
    private static String known(Connection tx, String table, String id) throws SQLException {
        return id != null && exists(tx, table, id) ? id : null;
    }
}
