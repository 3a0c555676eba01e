package org.lightbox.ingest;

import java.util.Optional;
import org.lightbox.request.ImagingRequest;

/**
 * What a technologist sees before linking an unmatched study to a request: both identities side
 * by side with their differences, and why the link is impossible, if it is.
 *
 * @param refusal why the request cannot take these images (cancelled, not yet scheduled); empty if it can
 */
public record LinkPreview(IndexedStudy study, ImagingRequest request, IdentityComparison comparison,
                          Optional<String> refusal) {

    /** A link needs an explicit confirmation when the identities differ. */
    public boolean needsConfirmation() {
        return !comparison.agrees();
    }
}
