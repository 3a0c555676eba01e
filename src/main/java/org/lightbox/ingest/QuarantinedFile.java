package org.lightbox.ingest;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A copy of a file that could not be indexed, kept with the reason.
 *
 * @param source     where it came from: the original path, or the sender of a C-STORE
 * @param storedPath the copy, relative to the quarantine folder
 */
public record QuarantinedFile(String id, String source, Path storedPath, IngestOrigin origin, String reasonCode,
                              String reason, long size, Instant quarantinedAt) {
}
