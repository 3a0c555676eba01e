package org.lightbox.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.lightbox.store.StoreException;

/**
 * Pulled objects that could not be applied here, kept with the reason until they apply: the pull's
 * cursor moves past them, this list does not forget them. Each is retried at every pull, and a newer
 * version pulled later replaces it. Parking is audited; the sync panel lists them.
 */
public final class ParkedChanges {
    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ParkedChanges(Database database, AuditLog audit, ObjectMapper json, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps {@code object} with why it could not be applied; a version parked before is replaced. Whether it is new here. */
    boolean park(Connection tx, String className, JsonNode object, String reason) throws SQLException {
        String id = object.path("objectId").asText();
        boolean known = Sql.count(tx, "SELECT count(*) FROM sync_parked WHERE class_name = ? AND object_id = ?", className, id) > 0;
        if (known) {
            Sql.update(tx, "UPDATE sync_parked SET object = ?, reason = ?, attempts = attempts + 1, last_tried_at = ?"
                    + " WHERE class_name = ? AND object_id = ?", object.toString(), reason, clock.instant(), className, id);
            return false;
        }
        Sql.update(tx, "INSERT INTO sync_parked(class_name, object_id, object, reason, parked_at, last_tried_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", className, id, object.toString(), reason, clock.instant(), clock.instant());
        audit.append(tx, Actor.SYSTEM, SyncAction.CHANGE_PARKED, className, id, Map.of("reason", reason));
        return true;
    }

    /** The object applied (this version or a newer one): it leaves the list. */
    void applied(Connection tx, String className, String objectId) throws SQLException {
        if (Sql.update(tx, "DELETE FROM sync_parked WHERE class_name = ? AND object_id = ?", className, objectId) > 0) {
            audit.append(tx, Actor.SYSTEM, SyncAction.PARKED_CHANGE_APPLIED, className, objectId);
        }
    }

    /** The parked versions of one class, oldest first, to try again. */
    List<JsonNode> of(Connection tx, String className) throws SQLException {
        return Sql.list(tx, "SELECT object FROM sync_parked WHERE class_name = ? ORDER BY parked_at, object_id",
                r -> parse(r.getString(1)), className);
    }

    public List<ParkedChange> all() {
        return database.read(c -> Sql.list(c, "SELECT * FROM sync_parked ORDER BY parked_at, class_name, object_id",
                r -> new ParkedChange(r.getString("class_name"), r.getString("object_id"), r.getString("reason"),
                        r.getInt("attempts"), Sql.instant(r, "parked_at"), Sql.instant(r, "last_tried_at"))));
    }

    public long count() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM sync_parked"));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoreException("A parked change is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
