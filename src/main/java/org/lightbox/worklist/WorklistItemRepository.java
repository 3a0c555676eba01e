package org.lightbox.worklist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;

/** SQL for worklist items, and their form on the central store. */
final class WorklistItemRepository {
    static final String CLASS_NAME = "WorklistItem";

    Optional<WorklistItem> byRequest(Connection c, String requestId) throws SQLException {
        return Sql.one(c, "SELECT * FROM worklist_item WHERE request_id = ?", WorklistItemRepository::item, requestId);
    }

    WorklistItem requireByRequest(Connection c, String requestId) throws SQLException {
        return byRequest(c, requestId).orElseThrow(() -> new DomainException(
                "This request has no images yet: it reaches the reading worklist once the scan is registered"));
    }

    private void insert(Connection c, WorklistItem item, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO worklist_item(id, request_id, assignee_id, queue, status, due_at, lock_holder_id,"
                        + " lock_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                item.id(), item.requestId(), item.assigneeId(), item.queue(), item.status(), item.dueAt(),
                item.lockHolderId(), item.lockExpiresAt(), now, now);
    }

    private void update(Connection c, WorklistItem item, Instant now) throws SQLException {
        Sql.update(c, "UPDATE worklist_item SET assignee_id = ?, queue = ?, status = ?, due_at = ?, lock_holder_id = ?,"
                        + " lock_expires_at = ?, updated_at = ? WHERE id = ?",
                item.assigneeId(), item.queue(), item.status(), item.dueAt(), item.lockHolderId(), item.lockExpiresAt(),
                now, item.id());
    }

    /** Inserts or updates the item and queues its new state for the central store, in {@code c}'s transaction. */
    void save(Connection c, WorklistItem item, boolean isNew, Instant now, Outbox outbox) throws SQLException {
        if (isNew) {
            insert(c, item, now);
        } else {
            update(c, item, now);
        }
        outbox.enqueue(c, CLASS_NAME, item.id(), isNew ? Outbox.Operation.CREATE : Outbox.Operation.UPDATE,
                payload(outbox.newPayload(), item));
    }

    static ObjectNode payload(ObjectNode p, WorklistItem item) {
        p.putObject("request").put("__type", "Pointer").put("className", "ImagingRequest").put("objectId", item.requestId());
        p.put("assigneeId", item.assigneeId());
        p.put("queue", item.queue());
        p.put("status", item.status().code());
        p.putObject("dueAt").put("__type", "Date").put("iso", item.dueAt().toString());
        p.put("lockHolderId", item.lockHolderId());
        if (item.lockExpiresAt() == null) {
            p.putNull("lockExpiresAt");
        } else {
            p.putObject("lockExpiresAt").put("__type", "Date").put("iso", item.lockExpiresAt().toString());
        }
        return p;
    }

    private static WorklistItem item(ResultSet r) throws SQLException {
        return new WorklistItem(r.getString("id"), r.getString("request_id"), r.getString("assignee_id"), r.getString("queue"),
                RequestStatus.of(r.getString("status")), Sql.instant(r, "due_at"), r.getString("lock_holder_id"),
                Sql.instant(r, "lock_expires_at"));
    }
}
