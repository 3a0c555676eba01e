package org.lightbox.domain;

/** A single value (an MRN, a birth date, a priority) is not acceptable; the message says why. */
public class InvalidValueException extends DomainException {
    public InvalidValueException(String message) {
        super(message);
    }
}
