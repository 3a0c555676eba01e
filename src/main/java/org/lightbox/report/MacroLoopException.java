package org.lightbox.report;

import org.lightbox.domain.DomainException;

/** A macro expands, through other macros, back to itself. */
public class MacroLoopException extends DomainException {
    public MacroLoopException(String message) {
        super(message);
    }
}
