package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.same;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.lightbox.store.StoreException;

/**
 * The central store's version of each object that two workstations may change at once (requests,
 * worklist items, reports), as this workstation last pulled or pushed it. It is what tells a change
 * made elsewhere from this workstation's own echo, and it lets a push send only the fields changed
 * here, so that a status change or a reading lock never carries stale scheduling back to the server.
 */
final class KnownServerState {
    private static final Set<String> TRACKED = Set.of("ImagingRequest", "WorklistItem", "Report");
    private static final Set<String> BOOKKEEPING = Set.of("objectId", "createdAt", "updatedAt", "ACL");

    private final Database database;
    private final ObjectMapper json;

    KnownServerState(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    static boolean tracks(String className) {
        return TRACKED.contains(className);
    }

    Optional<ObjectNode> of(Connection tx, String className, String objectId) throws SQLException {
        Optional<String> stored = Sql.one(tx, "SELECT fields FROM sync_server_state WHERE class_name = ? AND object_id = ?",
                r -> r.getString(1), className, objectId);
        return stored.map(this::parse);
    }

    /** A pull brought the server's version: it replaces what was known. */
    void pulled(Connection tx, String className, String objectId, JsonNode serverObject) throws SQLException {
        ObjectNode fields = json.createObjectNode();
        serverObject.fields().forEachRemaining(f -> {
            if (!BOOKKEEPING.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue());
            }
        });
        store(tx, className, objectId, fields);
    }

    /** The server took these fields from this workstation: they are now its version too. */
    void pushed(Connection tx, String className, String objectId, JsonNode sentFields) throws SQLException {
        if (!tracks(className)) {
            return;
        }
        ObjectNode fields = of(tx, className, objectId).orElseGet(json::createObjectNode);
        sentFields.fields().forEachRemaining(f -> {
            if (!BOOKKEEPING.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue());
            }
        });
        store(tx, className, objectId, fields);
    }

    /**
     * The fields of {@code payload} that differ from the server's known version: what this workstation
     * changed and must send. With no known version, the whole payload.
     */
    ObjectNode changedFields(String className, String objectId, ObjectNode payload) {
        Optional<ObjectNode> known = tracks(className) ? database.read(c -> of(c, className, objectId)) : Optional.empty();
        if (known.isEmpty()) {
            return payload;
        }
        ObjectNode changed = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!same(f.getValue(), known.get().get(f.getKey()))) {
                changed.set(f.getKey(), f.getValue());
            }
        }
        return changed;
    }

    /**
     * Whether the server's value of {@code field} was written by someone else: it differs from the
     * version this workstation knows and from every value this workstation itself queued (one of which
     * may have arrived without its answer).
     */
    static boolean changedElsewhere(String field, JsonNode server, Optional<ObjectNode> known, List<ObjectNode> ownPayloads) {
        JsonNode value = server.get(field);
        if (known.isPresent() && same(value, known.get().get(field))) {
            return false;
        }
        return ownPayloads.stream().noneMatch(p -> p.has(field) && same(value, p.get(field)));
    }

    private void store(Connection tx, String className, String objectId, ObjectNode fields) throws SQLException {
        Sql.update(tx, "INSERT INTO sync_server_state(class_name, object_id, fields) VALUES (?, ?, ?)"
                + " ON CONFLICT(class_name, object_id) DO UPDATE SET fields = excluded.fields", className, objectId, fields.toString());
    }

    private ObjectNode parse(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("The known server state of an object is unreadable: " + e.getMessage(), e);
        }
    }
}
