package org.lightbox.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/**
 * Every conflict between this workstation and the central store, with both values and how it was
 * settled: kept for the user to see (the sync panel) and audited. A conflict is never dropped.
 */
public final class ConflictLog {
    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public ConflictLog(Database database, AuditLog audit, ObjectMapper json, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    void record(Connection tx, String className, String objectId, List<String> fields, Object local, Object server,
            Resolution resolution) throws SQLException {
        String localText = text(local);
        String serverText = text(server);
        Sql.update(tx, "INSERT INTO sync_conflict(class_name, object_id, fields, local_value, server_value, resolution,"
                + " detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)", className, objectId, String.join(", ", fields), localText,
                serverText, resolution.description(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", fields);
        details.put("resolution", resolution.code());
        details.put("local", localText);
        details.put("server", serverText);
        audit.append(tx, Actor.SYSTEM, SyncAction.CONFLICT_SETTLED, className, objectId, details);
    }

    public List<SyncConflict> unacknowledged() {
        return database.read(c -> Sql.list(c, "SELECT * FROM sync_conflict WHERE acknowledged = 0 ORDER BY id",
                r -> new SyncConflict(r.getLong("id"), r.getString("class_name"), r.getString("object_id"), r.getString("fields"),
                        r.getString("local_value"), r.getString("server_value"), r.getString("resolution"),
                        Sql.instant(r, "detected_at"))));
    }

    public long unacknowledgedCount() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM sync_conflict WHERE acknowledged = 0"));
    }

    public void acknowledge(Actor actor, long id) {
        database.update(tx -> {
            if (Sql.update(tx, "UPDATE sync_conflict SET acknowledged = 1 WHERE id = ? AND acknowledged = 0", id) == 1) {
                audit.append(tx, actor, SyncAction.CONFLICT_ACKNOWLEDGED, "SyncConflict", Long.toString(id));
            }
        });
    }

    private String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** How a conflict was settled, by the rule that applies to it. */
    enum Resolution {
        SERVER_WINS_SCHEDULING("server_wins_scheduling",
                "The central store's scheduling was kept; this workstation's waiting change now carries it"),
        LOCAL_CHANGE_KEPT("local_change_kept",
                "Changed here and on the central store: this workstation's change was kept and will be sent"),
        AUTHOR_WINS_DRAFT("author_wins_draft", "The author's unsigned draft on this workstation was kept and will be sent"),
        SIGNED_VERSION_KEPT("signed_version_kept", "A signed report never changes: the signed version was kept, the other is shown here"),
        NOT_APPLIED("not_applied", "The central store's version could not be applied here; the local one was kept");

        private final String code;
        private final String description;

        Resolution(String code, String description) {
            this.code = code;
            this.description = description;
        }

        String code() {
            return code;
        }

        String description() {
            return description;
        }
    }
}
