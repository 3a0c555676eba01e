package org.lightbox.ingest;

/**
 * A file an ingest could not index, and why, in words a technologist can act on.
 *
 * @param code a stable code for the kind of problem, e.g. {@code TRUNCATED} or {@code INVALID_UID}
 */
public record Rejection(String path, String code, String reason) {
}
