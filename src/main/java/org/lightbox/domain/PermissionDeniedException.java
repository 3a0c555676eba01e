package org.lightbox.domain;

/** The actor's roles do not allow the action. */
public class PermissionDeniedException extends DomainException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
