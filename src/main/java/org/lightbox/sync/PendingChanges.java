package org.lightbox.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.lightbox.store.StoreException;

/**
 * The sync's side of the outbox: what to send next, what arrived, what the server refused for good.
 * Features only ever enqueue ({@link org.lightbox.store.Outbox}); only the sync removes.
 */
public final class PendingChanges {
    private final Database database;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public PendingChanges(Database database, AuditLog audit, ObjectMapper json, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The oldest waiting changes, in the order they were made, leaving out any change queued behind a
     * refused change of the same object (sending it would apply changes out of order).
     */
    List<OutboxItem> nextWaiting(int limit) {
        return database.read(c -> Sql.list(c, "SELECT * FROM outbox o WHERE state = 'waiting' AND NOT EXISTS ("
                + " SELECT 1 FROM outbox f WHERE f.state = 'failed' AND f.class_name = o.class_name"
                + " AND f.object_id = o.object_id AND f.seq < o.seq) ORDER BY seq LIMIT ?", PendingChanges::item, limit));
    }

    /** The server has these changes: they leave the outbox, in one transaction with {@code alsoDone}. */
    void delivered(Collection<Long> seqs, Database.SqlUpdate alsoDone) {
        if (seqs.isEmpty()) {
            return;
        }
        database.update(c -> {
            for (long seq : seqs) {
                Sql.update(c, "DELETE FROM outbox WHERE seq = ?", seq);
            }
            alsoDone.run(c);
        });
    }

    /** Tried and not answered (server down, timeout): still waiting, with the reason shown. */
    void attempted(Collection<Long> seqs, String error) {
        database.update(c -> {
            for (long seq : seqs) {
                Sql.update(c, "UPDATE outbox SET attempts = attempts + 1, last_error = ?, last_attempt_at = ? WHERE seq = ?",
                        error, clock.instant(), seq);
            }
        });
    }

    /** The server refused this change for a reason retrying will not fix: set aside until the user retries it. */
    void refused(long seq, String error) {
        database.update(c -> Sql.update(c, "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?,"
                + " last_attempt_at = ? WHERE seq = ?", error, clock.instant(), seq));
    }

    /** Puts every refused change back in the queue (after the cause was fixed, or another user signed in); audited. */
    public int retryRefused(Actor actor) {
        actor.require(Permission.RETRY_REFUSED_CHANGES);
        return database.write(c -> {
            int retried = Sql.update(c, "UPDATE outbox SET state = 'waiting' WHERE state = 'failed'");
            if (retried > 0) {
                audit.append(c, actor, SyncAction.REFUSED_CHANGES_RETRIED, "Outbox", "", Map.of("changes", retried));
            }
            return retried;
        });
    }

    public long waiting() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM outbox WHERE state = 'waiting'"));
    }

    public long refused() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM outbox WHERE state = 'failed'"));
    }

    /** For the sync panel: refused changes first, then the oldest waiting ones. */
    public List<OutboxItem> listed(int limit) {
        return database.read(c -> Sql.list(c, "SELECT * FROM outbox ORDER BY state = 'failed' DESC, seq LIMIT ?",
                PendingChanges::item, limit));
    }

    /** Whether a change of this object is still on its way to the server. */
    static boolean hasPending(Connection tx, String className, String objectId) throws SQLException {
        return Sql.count(tx, "SELECT count(*) FROM outbox WHERE class_name = ? AND object_id = ?", className, objectId) > 0;
    }

    /** The payloads still queued for one object (waiting or refused), oldest first. */
    List<ObjectNode> payloads(Connection tx, String className, String objectId) throws SQLException {
        List<String> texts = Sql.list(tx, "SELECT payload FROM outbox WHERE class_name = ? AND object_id = ? ORDER BY seq",
                r -> r.getString(1), className, objectId);
        List<ObjectNode> payloads = new ArrayList<>(texts.size());
        for (String text : texts) {
            payloads.add(parse(text));
        }
        return payloads;
    }

    /** Rewrites the waiting payloads of one object, so that a value the server won does not go back up. */
    void rewritePending(Connection tx, String className, String objectId, Consumer<ObjectNode> change) throws SQLException {
        List<OutboxItem> items = Sql.list(tx, "SELECT * FROM outbox WHERE class_name = ? AND object_id = ?",
                PendingChanges::item, className, objectId);
        for (OutboxItem item : items) {
            ObjectNode payload = parse(item.payload());
            change.accept(payload);
            Sql.update(tx, "UPDATE outbox SET payload = ? WHERE seq = ?", payload.toString(), item.seq());
        }
    }

    private ObjectNode parse(String payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("An outbox payload is unreadable: " + e.getMessage(), e);
        }
    }

    /** Drops the waiting changes of one object (a signed version elsewhere made them moot; the conflict keeps their text). */
    void discardPending(Connection tx, String className, String objectId) throws SQLException {
        Sql.update(tx, "DELETE FROM outbox WHERE class_name = ? AND object_id = ?", className, objectId);
    }

    private static OutboxItem item(ResultSet r) throws SQLException {
        return new OutboxItem(r.getLong("seq"), r.getString("class_name"), r.getString("object_id"), r.getString("operation"),
                r.getString("payload"), r.getInt("attempts"), r.getString("last_error"), "failed".equals(r.getString("state")),
                Sql.instant(r, "enqueued_at"));
    }
}
