package org.lightbox.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.ValidationException;

/** A form's refusals, field by field, for its ViewModel: each View shows its field's beside it ({@link FieldErrorLabel}). */
public final class FieldErrors {
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    /** The refusal for one field, empty when it is fine. */
    public StringBinding errorFor(String field) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void clear() {
        errors.clear();
    }

    /** A refusal the ViewModel found itself (a time it could not read, say). */
    public void put(String field, String message) {
        errors.put(field, message);
    }

    /** Puts each of the domain's refusals beside its field; returns the line for the whole form. */
    public String show(ValidationException invalid) {
        for (FieldError e : invalid.errors()) {
            errors.merge(e.field(), e.message(), (a, b) -> a + " " + b);
        }
        return invalid.errors().size() == 1 ? "One field needs attention." : invalid.errors().size() + " fields need attention.";
    }
}
