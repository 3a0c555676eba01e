package org.lightbox.request;

import java.time.Instant;

/** A DICOM study attached to a request, as the request's details show it. */
public record StudySummary(String id, String studyInstanceUid, String modality, String description, Instant performedAt,
        int seriesCount, int instanceCount) {
}
