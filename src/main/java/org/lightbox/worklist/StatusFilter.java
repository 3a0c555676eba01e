package org.lightbox.worklist;

import java.util.function.Predicate;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;

/**
 * Which requests the worklist shows: the usual groupings first, then each status alone. "To review"
 * is the reviewer's queue: preliminary reports assigned to them for review (an administrator, who
 * may finalize any, sees every one).
 */
public enum StatusFilter {
    TO_READ("To read", RequestStatus::awaitsReading),
    TO_REVIEW("To review", RequestStatus::awaitsReading),
    OPEN("Open", s -> !s.isClosed()),
    ALL("All", s -> true),
    REQUESTED("Requested", s -> s == RequestStatus.REQUESTED),
    SCHEDULED("Scheduled", s -> s == RequestStatus.SCHEDULED),
    PERFORMED("Performed", s -> s == RequestStatus.PERFORMED),
    IN_READING("In reading", s -> s == RequestStatus.IN_READING),
    REPORTED("Reported", s -> s == RequestStatus.REPORTED),
    RELEASED("Released", s -> s == RequestStatus.RELEASED),
    CANCELLED("Cancelled", s -> s == RequestStatus.CANCELLED);

    private final String label;
    private final Predicate<RequestStatus> accepts;

    StatusFilter(String label, Predicate<RequestStatus> accepts) {
        this.label = label;
        this.accepts = accepts;
    }

    public boolean accepts(RequestStatus status) {
        return accepts.test(status);
    }

    /** Whether {@code actor} sees the entry under this filter. */
    public boolean accepts(WorklistEntry entry, Actor actor) {
        return accepts(entry.status()) && (this != TO_REVIEW || entry.awaitsReviewBy(actor));
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
