package org.lightbox.report;

import java.time.Instant;

/** A template imported from an MRRT file, as the Settings dialog lists it; a retired one is no longer offered. */
public record ImportedTemplate(String id, String title, String sourceName, Instant importedAt, boolean active) {
}
