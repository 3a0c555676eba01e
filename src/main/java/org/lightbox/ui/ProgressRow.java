package org.lightbox.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A long task's bar, what it is doing and its Cancel button; the row takes no room while nothing runs. */
public final class ProgressRow extends HBox {
    private final Button cancel = new Button("Cancel");

    /** @param idPrefix the bar is {@code <idPrefix>-progress}, its text {@code <idPrefix>-progress-text} */
    public ProgressRow(String idPrefix, ObservableValue<? extends Number> fraction, ObservableStringValue text,
            ObservableValue<Boolean> running, Runnable onCancel) {
        super(8);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.progressProperty().bind(fraction);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label label = new Label();
        label.setId(idPrefix + "-progress-text");
        label.getStyleClass().add("muted");
        label.textProperty().bind(text);
        cancel.setOnAction(e -> onCancel.run());
        getChildren().addAll(bar, label, cancel);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(running);
        managedProperty().bind(visibleProperty());
    }

    public Button cancelButton() {
        return cancel;
    }
}
