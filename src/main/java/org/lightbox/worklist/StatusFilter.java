package org.lightbox.worklist;

import java.util.function.Predicate;
import org.lightbox.domain.RequestStatus;

/** Which request statuses the worklist shows: the usual groupings first, then each status alone. */
public enum StatusFilter {
    TO_READ("To read", RequestStatus::awaitsReading),
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

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
