package org.lightbox.ingest.pacs;

import org.lightbox.ingest.ImportSummary;

/**
 * What a retrieve brought in, and where the study went: to its request, or to the unmatched queue
 * with the reason (another patient in the images, no request with that accession).
 *
 * @param unmatchedReason empty when the study was matched to its request or nothing was kept
 */
public record RetrievedStudy(ImportSummary summary, String unmatchedReason) {

    public RetrievedStudy {
        unmatchedReason = unmatchedReason == null ? "" : unmatchedReason;
    }

    public boolean matched() {
        return summary.indexed() + summary.duplicates() > 0 && !summary.cancelled() && unmatchedReason.isEmpty();
    }
}
