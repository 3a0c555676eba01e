package org.lightbox.store;

/** The local store could not do what was asked: the message says what and where, for an operator. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
