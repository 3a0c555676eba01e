package org.lightbox.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the problems of every field of a form before refusing it, so the user sees them all at once. */
public final class FormValidation {
    private final List<FieldError> errors = new ArrayList<>();

    /** Parses one field; on an {@link InvalidValueException} records it against {@code field} and returns null. */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
