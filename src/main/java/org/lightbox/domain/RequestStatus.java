package org.lightbox.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an imaging request is in its life:
 * requested -> scheduled -> performed -> in_reading -> reported -> released, or cancelled before
 * reading starts. Once a radiologist is reading, the images exist and a report is owed: cancelling
 * is no longer the way out.
 */
public enum RequestStatus implements Coded {
    REQUESTED("requested", "Requested"),
    SCHEDULED("scheduled", "Scheduled"),
    PERFORMED("performed", "Performed"),
    IN_READING("in_reading", "In reading"),
    REPORTED("reported", "Reported"),
    RELEASED("released", "Released"),
    CANCELLED("cancelled", "Cancelled");

    private final String code;
    private final String label;

    RequestStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static RequestStatus of(String code) {
        return Coded.fromCode(RequestStatus.class, code, "Request status");
    }

    public Set<RequestStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(PERFORMED, CANCELLED);
            case PERFORMED -> EnumSet.of(IN_READING, CANCELLED);
            case IN_READING -> EnumSet.of(REPORTED);
            case REPORTED -> EnumSet.of(RELEASED);
            case RELEASED, CANCELLED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** Refuses an illegal move with a message that says what is allowed from here. */
    public void checkMoveTo(RequestStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }

    /** Images exist and a report is owed: the request belongs on a reading worklist. */
    public boolean awaitsReading() {
        return this == PERFORMED || this == IN_READING;
    }

    public boolean isClosed() {
        return this == RELEASED || this == CANCELLED;
    }
}
