package org.lightbox.help;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.lightbox.ui.Stylesheets;

/**
 * The keyboard-shortcut sheet: {@link KeyboardShortcuts#ALL} in three columns over a dimmed window.
 * Esc, F1 or the Close button close it and give the keyboard back to where it was.
 */
public final class ShortcutSheetView extends StackPane {
    private static final int COLUMNS = 3;
    private Node returnFocusTo;

    public ShortcutSheetView() {
        setId("shortcut-sheet");
        getStyleClass().add("shortcut-sheet");
        Stylesheets.add(this, ShortcutSheetView.class, "help.css");
        setFocusTraversable(true);

        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("Close (Esc)");
        close.setId("shortcut-sheet-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> close());
        HBox top = new HBox(title, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("shortcut-top");

        ScrollPane body = new ScrollPane(columns());
        body.setFitToWidth(true);
        body.getStyleClass().add("pane-body");
        BorderPane card = new BorderPane(body);
        card.setTop(top);
        card.getStyleClass().add("shortcut-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);

        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        // A click on the dimmed window around the card closes the sheet, as Esc does.
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });
    }

    /** Groups fill the columns in their order, each column about a third of the lines. */
    private static GridPane columns() {
        int lines = KeyboardShortcuts.ALL.stream().mapToInt(g -> g.shortcuts().size() + 2).sum();
        List<VBox> columns = new ArrayList<>();
        VBox column = new VBox();
        int filled = 0;
        for (ShortcutGroup group : KeyboardShortcuts.ALL) {
            if (filled > 0 && filled + group.shortcuts().size() / 2 > lines / COLUMNS && columns.size() < COLUMNS - 1) {
                columns.add(column);
                column = new VBox();
                filled = 0;
            }
            column.getChildren().add(group(group));
            filled += group.shortcuts().size() + 2;
        }
        columns.add(column);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-columns");
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).getStyleClass().add("shortcut-column");
            grid.add(columns.get(i), i, 0);
        }
        return grid;
    }

    private static VBox group(ShortcutGroup group) {
        Label title = new Label(group.title().toUpperCase(java.util.Locale.ROOT));
        title.getStyleClass().add("pane-title");
        GridPane rows = new GridPane();
        rows.getStyleClass().add("shortcut-rows");
        int row = 0;
        for (Shortcut s : group.shortcuts()) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setWrapText(true);
            Label does = new Label(s.does());
            does.getStyleClass().add("shortcut-does");
            does.setWrapText(true);
            rows.addRow(row++, keys, does);
        }
        VBox box = new VBox(title, rows);
        box.getStyleClass().add("shortcut-group");
        return box;
    }

    public boolean isOpen() {
        return getParent() != null;
    }

    /** Shows the sheet over everything in {@code host}, or closes it when it is already shown. */
    public void toggle(StackPane host) {
        if (isOpen()) {
            close();
            return;
        }
        returnFocusTo = host.getScene() == null ? null : host.getScene().getFocusOwner();
        host.getChildren().add(this);
        requestFocus();
    }

    public void close() {
        if (getParent() instanceof StackPane host) {
            host.getChildren().remove(this);
        }
        if (returnFocusTo != null && returnFocusTo.getScene() != null) {
            returnFocusTo.requestFocus();
        }
        returnFocusTo = null;
    }
}
