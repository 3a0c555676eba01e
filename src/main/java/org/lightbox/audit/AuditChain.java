package org.lightbox.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that links each audit event to the one before it. Every stored field is covered, in a
 * fixed order with explicit lengths, so no field can be changed, moved into a neighbour or dropped
 * without the hash changing. The central store recomputes the same function.
 */
public final class AuditChain {
    /** The "previous hash" of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEvent e) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {
                e.prevHash(), Long.toString(e.seq()), e.id(), e.workstation(), Long.toString(e.occurredAt().toEpochMilli()),
                e.actorId() == null ? "" : e.actorId(), e.actorName(), e.action(), e.targetClass(), e.targetId(), e.details()}) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e1);
        }
    }
}
