package org.lightbox.settings;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The frame of one tab of the Settings dialog: a note on where its settings apply, its forms, and a message line. */
abstract class SettingsTabView extends VBox {
    protected SettingsTabView(String note, Node... content) {
        getStyleClass().add("settings-tab");
        setSpacing(12);
        if (note != null) {
            Label label = new Label(note);
            label.setWrapText(true);
            label.getStyleClass().add("settings-note");
            getChildren().add(label);
        }
        getChildren().addAll(content);
    }

    /** Save and Cancel for one form, and its message line beside them. */
    static HBox saveCancel(String idPrefix, Runnable save, Runnable cancel, ObservableStringValue message) {
        Button saveButton = new Button("Save");
        saveButton.setId(idPrefix + "-save");
        saveButton.setOnAction(e -> save.run());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId(idPrefix + "-cancel");
        cancelButton.setOnAction(e -> cancel.run());
        return buttons(idPrefix, message, saveButton, cancelButton);
    }

    /** A row of buttons followed by the form's message line (id {@code <idPrefix>-message}). */
    static HBox buttons(String idPrefix, ObservableStringValue message, Button... buttons) {
        Label line = new Label();
        line.setId(idPrefix + "-message");
        line.getStyleClass().add("settings-message");
        line.setWrapText(true);
        line.textProperty().bind(message);
        HBox row = new HBox(8, buttons);
        row.getChildren().add(line);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }
}
