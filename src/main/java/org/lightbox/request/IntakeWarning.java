package org.lightbox.request;

/**
 * Something about a new request that may be a mistake but may also be right (a likely duplicate, a
 * namesake under another MRN). The request is only created once the user has confirmed it.
 */
public record IntakeWarning(Kind kind, String message, String relatedId) {
    /** Which check raised the warning. */
    public enum Kind { LIKELY_DUPLICATE_REQUEST, SAME_NAME_AND_BIRTH_DATE }
}
