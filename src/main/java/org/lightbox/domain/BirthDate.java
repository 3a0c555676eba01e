package org.lightbox.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A patient's birth date: a real calendar date, not in the future, not before 1880. */
public final class BirthDate {
    private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

    private BirthDate() {
    }

    /** Parses an ISO date (YYYY-MM-DD) and checks it against today on {@code clock}. */
    public static LocalDate parse(String raw, Clock clock) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("Birth date is required");
        }
        try {
            return check(LocalDate.parse(text), clock);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("Birth date must be a real date written YYYY-MM-DD (\"" + text + "\")");
        }
    }

    public static LocalDate check(LocalDate date, Clock clock) {
        if (date == null) {
            throw new InvalidValueException("Birth date is required");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidValueException("Birth date " + date + " is in the future");
        }
        if (date.isBefore(EARLIEST)) {
            throw new InvalidValueException("Birth date " + date + " is before " + EARLIEST.getYear());
        }
        return date;
    }
}
