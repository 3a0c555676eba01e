package org.lightbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Changes waiting for the central store. A feature enqueues inside the same write transaction as the
 * change itself, so a change is never saved without its way to the server, nor queued without being saved.
 */
public final class Outbox {
    /** Whether the central store gets a new object or a new state of an existing one. */
    public enum Operation { CREATE, UPDATE }

    private final Database database;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(Database database, ObjectMapper json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    /** Queues {@code payload} (fields in the central store's names) for object {@code objectId} of {@code className}. */
    public void enqueue(Connection tx, String className, String objectId, Operation operation, ObjectNode payload)
            throws SQLException {
        String text;
        try {
            text = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot queue " + className + " " + objectId + " for sync: " + e.getOriginalMessage(), e);
        }
        Sql.update(tx, "INSERT INTO outbox(class_name, object_id, operation, payload, enqueued_at) VALUES (?, ?, ?, ?, ?)",
                className, objectId, operation.name().toLowerCase(java.util.Locale.ROOT), text, clock.instant());
    }

    public ObjectNode newPayload() {
        return json.createObjectNode();
    }

    /** How many changes are waiting to reach the central store. */
    public long waiting() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM outbox"));
    }
}
