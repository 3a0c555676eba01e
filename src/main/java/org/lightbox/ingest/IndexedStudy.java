package org.lightbox.ingest;

import java.time.Instant;

/**
 * A study in the local index, as the technologist's screens show it.
 *
 * @param requestId       the request it is attached to; null while unmatched
 * @param unmatchedReason why it waits in the unmatched queue; null once matched
 * @param performedAt     when the scan was done (Study Date/Time), or when it arrived if the header does not say
 * @param registeredAt    when the run that brought it finished and it was matched or queued as unmatched; null
 *                        while that run is still indexing its files, or after it stopped before the end
 */
public record IndexedStudy(String id, String studyInstanceUid, String accession, String modality, String bodyPart,
                           String description, Instant performedAt, HeaderIdentity identity, String requestId,
                           String unmatchedReason, int seriesCount, int instanceCount, Instant receivedAt,
                           Instant registeredAt) {

    /** As the index holds it once registered at {@code at} (to the millisecond, as stored), without reading it back. */
    IndexedStudy registeredAt(Instant at) {
        return new IndexedStudy(id, studyInstanceUid, accession, modality, bodyPart, description, performedAt, identity,
                requestId, unmatchedReason, seriesCount, instanceCount, receivedAt, Instant.ofEpochMilli(at.toEpochMilli()));
    }

    /** As the index holds it once queued as unmatched for {@code reason}, without reading it back. */
    IndexedStudy unmatchedFor(String reason) {
        return new IndexedStudy(id, studyInstanceUid, accession, modality, bodyPart, description, performedAt, identity,
                requestId, reason, seriesCount, instanceCount, receivedAt, registeredAt);
    }

    public boolean isMatched() {
        return requestId != null;
    }

    public boolean isRegistered() {
        return registeredAt != null;
    }
}
