package org.lightbox.request;

import org.lightbox.domain.ModalityType;

/**
 * A scanner or room a request can be scheduled on, of one modality type; an inactive one is kept for
 * the requests scheduled on it, but offered for no new one.
 */
public record Modality(String id, String name, ModalityType type, String aeTitle, String imagingCenterId, boolean active) {
    public Modality(String id, String name, ModalityType type, String aeTitle, String imagingCenterId) {
        this(id, name, type, aeTitle, imagingCenterId, true);
    }
}
