package org.lightbox.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What the last run came to, in bold, and below it what went wrong, in the danger colour; each wraps. */
public final class OutcomeLines extends VBox {

    public OutcomeLines(String summaryId, ObservableStringValue summary, String messageId, ObservableStringValue message) {
        super(4);
        getChildren().addAll(line(summaryId, summary, "strong"), line(messageId, message, "error-text"));
    }

    private static Label line(String id, ObservableStringValue text, String style) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add(style);
        line.setWrapText(true);
        line.textProperty().bind(text);
        return line;
    }
}
