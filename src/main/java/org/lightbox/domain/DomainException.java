package org.lightbox.domain;

/** A rule of the domain refused an action; the message is written for the person who tried it. */
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }
}
