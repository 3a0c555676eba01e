package org.lightbox.sync;

import java.time.Instant;

/** A version pulled from the central store and kept because it could not be applied here yet, with the reason. */
public record ParkedChange(String className, String objectId, String reason, int attempts, Instant parkedAt,
        Instant lastTriedAt) {
}
