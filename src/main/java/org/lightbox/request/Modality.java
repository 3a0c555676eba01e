package org.lightbox.request;

import org.lightbox.domain.ModalityType;

/** A scanner or room a request can be scheduled on, of one modality type. */
public record Modality(String id, String name, ModalityType type, String aeTitle, String imagingCenterId) {
}
