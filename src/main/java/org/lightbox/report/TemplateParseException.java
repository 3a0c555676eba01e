package org.lightbox.report;

import org.lightbox.domain.DomainException;

/** A file offered as a report template is not one: the message says what is wrong with it. */
public class TemplateParseException extends DomainException {
    public TemplateParseException(String message) {
        super(message);
    }
}
