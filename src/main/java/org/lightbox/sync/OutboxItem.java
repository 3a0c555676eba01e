package org.lightbox.sync;

import java.time.Instant;

/** One change waiting for the central store (a row of the outbox), as the sync panel and the pusher see it. */
public record OutboxItem(long seq, String className, String objectId, String operation, String payload, int attempts,
        String lastError, boolean failed, Instant enqueuedAt) {

    boolean isCreate() {
        return "create".equals(operation);
    }

    /** The object this change is about; two changes of one object never travel in the same batch. */
    String objectKey() {
        return className + "/" + objectId;
    }
}
