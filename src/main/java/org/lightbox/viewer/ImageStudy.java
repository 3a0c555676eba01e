package org.lightbox.viewer;

import java.time.Instant;
import java.util.List;

/**
 * A study as the viewer shows it: who, when, what, and its series.
 *
 * @param prior true for an earlier study of the same patient shown for comparison
 */
public record ImageStudy(String id, String studyInstanceUid, String accession, String modality, String description,
                         Instant performedAt, String patientName, String patientId, boolean prior,
                         List<ImageSeries> series) {

    public ImageStudy {
        series = List.copyOf(series);
    }
}
