package org.lightbox.request;

import java.time.Instant;
import org.lightbox.domain.Accession;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;

/** An order for imaging, identified across systems by its accession number. */
public record ImagingRequest(
        String id,
        Accession accession,
        Patient patient,
        String orderingClinician,
        Priority priority,
        ModalityType requestedModality,
        String description,
        String clinicalIndication,
        String imagingCenterId,
        String scheduledModalityId,
        Instant scheduledAt,
        RequestStatus status,
        String likelyDuplicateOf,
        String cancelReason,
        Instant orderedAt,
        Instant performedAt) {
}
