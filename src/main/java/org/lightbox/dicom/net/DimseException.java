package org.lightbox.dicom.net;

/**
 * A DICOM network exchange failed: the peer could not be reached, refused the association, or
 * answered with a failure status. The message says which, for an operator to act on.
 */
public final class DimseException extends Exception {

    public DimseException(String message) {
        super(message);
    }

    public DimseException(String message, Throwable cause) {
        super(message, cause);
    }
}
