package org.lightbox.ui;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * A form laid out as rows of label, control and the domain's refusal beside the control (in the
 * theme's {@code field-error} style, the control outlined as {@code invalid} while refused).
 */
public final class FormGrid extends GridPane {
    private int row;

    public FormGrid() {
        getStyleClass().add("form-grid");
        setHgap(10);
        setVgap(6);
    }

    /** A labelled row; the refusal's label has the id {@code error-<errorId>} so tests and screen readers find it. */
    public Label field(String label, Node control, StringBinding error, String errorId) {
        Label name = new Label(label);
        name.setMinWidth(110);
        name.setLabelFor(control);
        Label refusal = refusal(error, errorId, control);
        addRow(row++, name, control, refusal);
        return refusal;
    }

    /** A row of several controls under one label, the refusal after them. */
    public void row(Node... cells) {
        addRow(row++, cells);
    }

    /** A heading across the grid. */
    public void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("form-section");
        add(label, 0, row++, 3, 1);
    }

    /** A node across the grid (a note, a set of check boxes). */
    public void span(Node node) {
        add(node, 0, row++, 3, 1);
    }

    /** A text field bound both ways to {@code property}; Enter in it runs {@code onEnter}. */
    public static TextField text(String id, StringProperty property, int columns, Runnable onEnter) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        field.setOnAction(e -> onEnter.run());
        return field;
    }

    public static PasswordField password(String id, StringProperty property, Runnable onEnter) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(18);
        field.textProperty().bindBidirectional(property);
        field.setOnAction(e -> onEnter.run());
        return field;
    }

    /** The label showing {@code error} beside {@code control}, outlining the control while there is one. */
    public static Label refusal(StringBinding error, String errorId, Node control) {
        Label refusal = new Label();
        // Dots would read as style classes in a lookup ("#error-preset.0.width"), so ids use dashes.
        refusal.setId("error-" + errorId.replace('.', '-'));
        refusal.getStyleClass().add("field-error");
        refusal.setWrapText(true);
        refusal.setMaxWidth(340);
        refusal.textProperty().bind(error);
        // Takes no room until there is something to say, so rows of several fields stay compact.
        refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.visibleProperty().bind(refusal.managedProperty());
        if (control instanceof Control c) {
            error.addListener((o, old, now) -> {
                c.getStyleClass().remove("invalid");
                if (!now.isEmpty()) {
                    c.getStyleClass().add("invalid");
                }
            });
        }
        return refusal;
    }
}
