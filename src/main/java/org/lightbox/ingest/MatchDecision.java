package org.lightbox.ingest;

import org.lightbox.request.ImagingRequest;

/** Whether a study may be attached to a request, and if not, why (shown in the unmatched queue). */
sealed interface MatchDecision {

    record Matched(ImagingRequest request) implements MatchDecision {
    }

    record Unmatched(String reason) implements MatchDecision {
    }
}
