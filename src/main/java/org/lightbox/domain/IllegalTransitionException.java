package org.lightbox.domain;

import java.util.stream.Collectors;

/** A request was asked to move to a status its current one does not lead to. */
public class IllegalTransitionException extends DomainException {
    public IllegalTransitionException(RequestStatus from, RequestStatus to) {
        super("A " + from.label().toLowerCase() + " request cannot become " + to.label().toLowerCase()
                + (from.next().isEmpty()
                        ? " (" + from.label().toLowerCase() + " is final)"
                        : " (from " + from.label().toLowerCase() + " it can become: "
                                + from.next().stream().map(s -> s.label().toLowerCase()).collect(Collectors.joining(", ")) + ")"));
    }
}
