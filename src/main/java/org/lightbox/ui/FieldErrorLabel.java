package org.lightbox.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;

/** The refusal beside a form field (id {@code error-<field>}); the field's control is outlined while there is one. */
public final class FieldErrorLabel extends Label {
    /** @param input the control to outline, or null when the field is several controls */
    public FieldErrorLabel(String field, ObservableValue<String> message, Control input, double maxWidth) {
        setId("error-" + field);
        getStyleClass().add("field-error");
        setWrapText(true);
        setMaxWidth(maxWidth);
        textProperty().bind(message);
        if (input != null) {
            message.addListener((o, old, now) -> {
                input.getStyleClass().remove("invalid");
                if (!now.isEmpty()) {
                    input.getStyleClass().add("invalid");
                }
            });
        }
    }
}
