package org.lightbox.worklist;

import org.lightbox.domain.DomainException;

/** Someone else is reading this study now. */
public class ReadingLockedException extends DomainException {
    public ReadingLockedException(String message) {
        super(message);
    }
}
