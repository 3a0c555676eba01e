package org.lightbox.worklist;

import org.lightbox.domain.DomainException;

/**
 * The reader no longer has the study: an administrator broke the lock, the study was reassigned, or
 * someone else took it after the lease ran out. Their editor stops writing instead of taking it back.
 */
public class ReadingLockLostException extends DomainException {
    public ReadingLockLostException(String message) {
        super(message);
    }
}
