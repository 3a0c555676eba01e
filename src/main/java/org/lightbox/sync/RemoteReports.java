package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.bool;
import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.pointer;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;
import static org.lightbox.sync.LocalRows.differing;
import static org.lightbox.sync.LocalRows.known;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.store.Sql;

/**
 * Reports from the central store: the author is right about an unsigned draft, and a signed report
 * never changes; a report signed elsewhere replaces the local unsigned text, which the conflict keeps.
 */
final class RemoteReports {
    private static final List<String> COMPARED = List.of("status", "findings", "impression");

    private final ConflictLog conflicts;
    private final PendingChanges pending;
    private final KnownServerState known;
    private final Clock clock;

    RemoteReports(ConflictLog conflicts, PendingChanges pending, KnownServerState known, Clock clock) {
        this.conflicts = conflicts;
        this.pending = pending;
        this.known = known;
        this.clock = clock;
    }

    boolean apply(Connection tx, JsonNode o) throws SQLException {
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
            if (request == null) {
                throw UnappliedChange.missingRequest(pointer(o, "request"));
            }
            if (author == null) {
                throw new UnappliedChange("its author " + text(o, "authorId") + " is not known on this workstation yet");
            }
            if (Sql.count(tx, "SELECT count(*) FROM report WHERE request_id = ?", request) > 0) {
                conflicts.record(tx, "Report", id, List.of("request"), "this request already has another report here",
                        server, ConflictLog.Resolution.NOT_APPLIED);
                return false;
            }
            Sql.update(tx, "INSERT INTO report(id, request_id, study_id, author_id, reviewer_id, status, indication, technique,"
                    + " comparison, findings, impression, critical, draft_saved_at, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, request, known(tx, "dicom_study", pointer(o, "study")),
                    author, known(tx, "app_user", text(o, "reviewerId")), serverStatus, textOr(o, "indication", ""),
                    textOr(o, "technique", ""), textOr(o, "comparison", ""), server.get("findings"), server.get("impression"),
                    bool(o, "critical"), date(o, "draftSavedAt"), clock.instant(), clock.instant());
            known.pulled(tx, "Report", id, o);
            return true;
        }
        boolean waiting = PendingChanges.hasPending(tx, "Report", id);
        boolean changedElsewhere = !waiting || changedElsewhere(tx, id, o);
        known.pulled(tx, "Report", id, o);
        List<String> differing = differing(COMPARED, local.get(), server);
        if (differing.isEmpty() || !changedElsewhere) {
            // Nothing new, or only this workstation's own earlier version coming back: the local text stands.
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
            if (waiting) {
                conflicts.record(tx, "Report", id, differing, local.get(), server, ConflictLog.Resolution.SIGNED_VERSION_KEPT);
                pending.discardPending(tx, "Report", id);
            }
            overwriteReport(tx, id, o, serverStatus);
            return true;
        }
        if (waiting) {
            conflicts.record(tx, "Report", id, differing, local.get(), server, ConflictLog.Resolution.AUTHOR_WINS_DRAFT);
            return false;
        }
        overwriteReport(tx, id, o, serverStatus);
        return true;
    }

    private boolean changedElsewhere(Connection tx, String id, JsonNode server) throws SQLException {
        Optional<ObjectNode> base = known.of(tx, "Report", id);
        List<ObjectNode> own = pending.payloads(tx, "Report", id);
        return COMPARED.stream().anyMatch(f -> KnownServerState.changedElsewhere(f, server, base, own));
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
}
