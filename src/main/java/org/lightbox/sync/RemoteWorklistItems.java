package org.lightbox.sync;

import static org.lightbox.sync.LocalRows.exists;
import static org.lightbox.sync.LocalRows.known;
import static org.lightbox.sync.ParseValues.date;
import static org.lightbox.sync.ParseValues.pointer;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.lightbox.store.Sql;

/** Worklist items from the central store: the server is right about assignment, queue and due time ({@link ConcurrentChanges}). */
final class RemoteWorklistItems {
    private static final List<String> SCHEDULING = List.of("assigneeId", "queue", "dueAt");

    private final ConflictLog conflicts;
    private final ConcurrentChanges concurrent;
    private final KnownServerState known;
    private final Clock clock;

    RemoteWorklistItems(ConflictLog conflicts, ConcurrentChanges concurrent, KnownServerState known, Clock clock) {
        this.conflicts = conflicts;
        this.concurrent = concurrent;
        this.known = known;
        this.clock = clock;
    }

    boolean apply(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String request = known(tx, "imaging_request", pointer(o, "request"));
        if (request == null) {
            throw UnappliedChange.missingRequest(pointer(o, "request"));
        }
        if (!exists(tx, "worklist_item", id)) {
            if (Sql.count(tx, "SELECT count(*) FROM worklist_item WHERE request_id = ?", request) > 0) {
                conflicts.record(tx, "WorklistItem", id, List.of("request"), "request already on the local worklist",
                        request, ConflictLog.Resolution.NOT_APPLIED);
                return false;
            }
            Sql.update(tx, "INSERT INTO worklist_item(id, request_id, assignee_id, queue, status, due_at, lock_holder_id,"
                    + " lock_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, request, known(tx, "app_user", text(o, "assigneeId")), textOr(o, "queue", ""),
                    textOr(o, "status", "performed"), Objects.requireNonNullElse(date(o, "dueAt"), clock.instant()),
                    known(tx, "app_user", text(o, "lockHolderId")), date(o, "lockExpiresAt"), clock.instant(), clock.instant());
            known.pulled(tx, "WorklistItem", id, o);
            return true;
        }
        JsonNode kept = PendingChanges.hasPending(tx, "WorklistItem", id)
                ? concurrent.resolve(tx, "WorklistItem", id, o, SCHEDULING) : o;
        known.pulled(tx, "WorklistItem", id, o);
        return Sql.update(tx, "UPDATE worklist_item SET assignee_id = ?, queue = ?, status = ?, due_at = ?, lock_holder_id = ?,"
                + " lock_expires_at = ?, updated_at = ? WHERE id = ?", known(tx, "app_user", text(kept, "assigneeId")),
                textOr(kept, "queue", ""), textOr(kept, "status", "performed"),
                Objects.requireNonNullElse(date(kept, "dueAt"), clock.instant()), known(tx, "app_user", text(kept, "lockHolderId")),
                date(kept, "lockExpiresAt"), clock.instant(), id) > 0;
    }
}
