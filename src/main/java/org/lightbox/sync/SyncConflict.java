package org.lightbox.sync;

import java.time.Instant;

/** A conflict the sync settled, as the user sees it: which object and fields, both values, and the rule applied. */
public record SyncConflict(long id, String className, String objectId, String fields, String localValue, String serverValue,
        String resolution, Instant detectedAt) {
}
