package org.lightbox.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.ValidationException;

/**
 * The domain's refusals of one form, kept by field so each shows beside its field. A form with
 * several parts (a new user, the selected user) prefixes its field names so the parts stay apart.
 */
public final class FieldErrors {
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    /** The refusal for {@code field}, empty when it is fine. */
    public StringBinding errorFor(String field) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors);
    }

    public String get(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void clear() {
        errors.clear();
    }

    /** Clears the fields starting with {@code prefix} only. */
    public void clear(String prefix) {
        errors.keySet().removeIf(field -> field.startsWith(prefix));
    }

    /**
     * Shows a refusal: each field's message beside it (under {@code prefix}), and returns the sentence
     * for the form's message line; any other failure becomes that sentence alone.
     */
    public String show(Throwable error, String prefix) {
        if (!(error instanceof ValidationException invalid)) {
            return UserMessages.of(error);
        }
        for (FieldError e : invalid.errors()) {
            errors.merge(prefix + e.field(), e.message(), (a, b) -> a + " " + b);
        }
        return invalid.errors().size() == 1 ? "One field needs attention." : invalid.errors().size() + " fields need attention.";
    }

    public String show(Throwable error) {
        return show(error, "");
    }
}
