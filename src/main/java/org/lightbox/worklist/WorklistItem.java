package org.lightbox.worklist;

import java.time.Instant;
import org.lightbox.domain.RequestStatus;

/** A performed request waiting to be read: its due time, who it is assigned to and who is reading it now. */
public record WorklistItem(
        String id,
        String requestId,
        String assigneeId,
        String queue,
        RequestStatus status,
        Instant dueAt,
        String lockHolderId,
        Instant lockExpiresAt) {

    public WorklistItem withAssignee(String newAssigneeId) {
        return new WorklistItem(id, requestId, newAssigneeId, queue, status, dueAt, lockHolderId, lockExpiresAt);
    }

    public WorklistItem withLock(String holderId, Instant expiresAt) {
        return new WorklistItem(id, requestId, assigneeId, queue, status, dueAt, holderId, expiresAt);
    }

    public WorklistItem withStatus(RequestStatus newStatus) {
        return new WorklistItem(id, requestId, assigneeId, queue, newStatus, dueAt, lockHolderId, lockExpiresAt);
    }

    /** Someone holds an unexpired reading lock. */
    public boolean isLockedAt(Instant now) {
        return lockHolderId != null && lockExpiresAt != null && lockExpiresAt.isAfter(now);
    }
}
