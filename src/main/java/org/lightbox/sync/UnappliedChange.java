package org.lightbox.sync;

/**
 * A pulled object this workstation cannot apply yet, typically because something it refers to (its
 * request, its author) has not arrived. The message says what is missing; the object is parked and
 * retried, never dropped.
 */
final class UnappliedChange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnappliedChange(String reason) {
        super(reason);
    }

    /** The object belongs to an imaging request this workstation does not have (yet), or to none. */
    static UnappliedChange missingRequest(String requestId) {
        return new UnappliedChange(requestId == null ? "it names no imaging request"
                : "its imaging request " + requestId + " is not on this workstation yet");
    }
}
