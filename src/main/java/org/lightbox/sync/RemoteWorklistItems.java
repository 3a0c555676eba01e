package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.pointer;
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
import org.lightbox.store.Sql;

/** Worklist items from the central store: the server is right about assignment, queue and due time. */
final class RemoteWorklistItems {
    private static final List<String> SCHEDULING = List.of("assigneeId", "queue", "dueAt");

    private final ConflictLog conflicts;
    private final PendingChanges pending;
    private final Clock clock;

    RemoteWorklistItems(ConflictLog conflicts, PendingChanges pending, Clock clock) {
        this.conflicts = conflicts;
        this.pending = pending;
        this.clock = clock;
    }

    boolean apply(Connection tx, JsonNode o) throws SQLException {
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
            List<String> differing = differing(SCHEDULING, local.get(), server);
            if (differing.isEmpty()) {
                return false;
            }
            Sql.update(tx, "UPDATE worklist_item SET assignee_id = ?, queue = ?, due_at = ?, updated_at = ? WHERE id = ?",
                    server.get("assigneeId"), server.get("queue"), server.get("dueAt"), clock.instant(), id);
            pending.rewritePending(tx, "WorklistItem", id, p -> copy(o, p, SCHEDULING));
            conflicts.record(tx, "WorklistItem", id, differing, subset(local.get(), differing), subset(server, differing),
                    ConflictLog.Resolution.SERVER_WINS_SCHEDULING);
            return true;
        }
        return Sql.update(tx, "UPDATE worklist_item SET assignee_id = ?, queue = ?, status = ?, due_at = ?, lock_holder_id = ?,"
                + " lock_expires_at = ?, updated_at = ? WHERE id = ?", server.get("assigneeId"), server.get("queue"),
                textOr(o, "status", "performed"), server.get("dueAt"), lockHolder, date(o, "lockExpiresAt"), clock.instant(), id) > 0;
    }
}
