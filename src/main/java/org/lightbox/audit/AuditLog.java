package org.lightbox.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;
import org.lightbox.store.StoreException;

/**
 * Appends audit events to the local hash chain and queues each for the central store, inside the
 * caller's write transaction: the action and its audit event are committed together or not at all.
 */
public final class AuditLog {
    public static final String CLASS_NAME = "AuditEvent";

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final String workstation;

    public AuditLog(Outbox outbox, ObjectMapper json, Clock clock, String workstation) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.workstation = workstation;
    }

    /** The id of this workstation, which tags every event it writes (one hash chain per workstation). */
    public String workstation() {
        return workstation;
    }

    public AuditEvent append(Connection tx, Actor actor, AuditAction action, String targetClass, String targetId,
            Map<String, ?> details) throws SQLException {
        String detailsJson = canonicalJson(details);
        ChainTip tip = Sql.one(tx, "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
                r -> new ChainTip(r.getLong(1), r.getString(2))).orElse(new ChainTip(0, AuditChain.GENESIS));
        long seq = tip.seq() + 1;
        String prevHash = tip.hash();
        Instant now = clock.instant();
        AuditEvent unhashed = new AuditEvent(seq, Ids.newId(), workstation, now, actor.userId(), actor.username(),
                action.code(), targetClass, targetId, detailsJson, prevHash, "");
        AuditEvent event = unhashed.withHash(AuditChain.hash(unhashed));
        Sql.update(tx, "INSERT INTO audit_event(seq, id, workstation, occurred_at, actor_id, actor_name, action,"
                        + " target_class, target_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.seq(), event.id(), event.workstation(), event.occurredAt(), event.actorId(), event.actorName(),
                event.action(), event.targetClass(), event.targetId(), event.details(), event.prevHash(), event.hash());
        outbox.enqueue(tx, CLASS_NAME, event.id(), Outbox.Operation.CREATE, payload(event));
        return event;
    }

    public AuditEvent append(Connection tx, Actor actor, AuditAction action, String targetClass, String targetId)
            throws SQLException {
        return append(tx, actor, action, targetClass, targetId, Map.of());
    }

    /** The newest event's place in the chain, which the next event links to. */
    private record ChainTip(long seq, String hash) {
    }

    private ObjectNode payload(AuditEvent event) {
        ObjectNode p = outbox.newPayload();
        p.put("workstation", event.workstation());
        p.put("sequence", event.seq());
        p.putObject("occurredAt").put("__type", "Date").put("iso", event.occurredAt().toString());
        p.put("actorId", event.actorId());
        p.put("actorName", event.actorName());
        p.put("action", event.action());
        p.put("targetClass", event.targetClass());
        p.put("targetId", event.targetId());
        p.put("details", event.details());
        p.put("prevHash", event.prevHash());
        p.put("chainHash", event.hash());
        return p;
    }

    /** Details with their keys sorted, so the same details always hash the same. */
    private String canonicalJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new StoreException("Audit details cannot be written: " + e.getOriginalMessage(), e);
        }
    }
}
