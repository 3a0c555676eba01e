package org.lightbox.audit;

import java.time.Instant;

/** One stored audit event, with its place in the hash chain. */
public record AuditEvent(
        long seq,
        String id,
        String workstation,
        Instant occurredAt,
        String actorId,
        String actorName,
        String action,
        String targetClass,
        String targetId,
        String details,
        String prevHash,
        String hash) {

    public AuditEvent withHash(String newHash) {
        return new AuditEvent(seq, id, workstation, occurredAt, actorId, actorName, action, targetClass, targetId, details,
                prevHash, newHash);
    }
}
