package org.lightbox.ingest.pacs;

/** A DICOMweb request failed: the PACS was unreachable, refused us, or answered with something unusable. */
public final class DicomWebException extends Exception {

    public DicomWebException(String message) {
        super(message);
    }

    public DicomWebException(String message, Throwable cause) {
        super(message, cause);
    }
}
