package org.lightbox.request;

import java.util.List;

/** An opened request: the request, its patient and the studies that belong to it. */
public record RequestDetails(ImagingRequest request, List<StudySummary> studies) {
}
