package org.lightbox.audit;

import java.util.Iterator;

/**
 * The audit chain of one workstation as the central store holds it, in sequence order. The sync
 * package implements it; {@code audit verify --server} walks it with the same {@link AuditVerifier}.
 */
public interface RemoteAuditTrail {
    Iterator<AuditEvent> events(RemoteAuditQuery query);

    /** Which server, as whom, and which workstation's chain. */
    record RemoteAuditQuery(String server, String applicationId, String clientKey, String username, char[] password,
            String workstation) {
    }
}
