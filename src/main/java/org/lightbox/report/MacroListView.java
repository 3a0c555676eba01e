package org.lightbox.report;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lightbox.ui.Stylesheets;

/** The macro dialog: the list on the left, the trigger and its phrase on the right. */
public final class MacroListView extends BorderPane {
    /** @param close closes the dialog holding the list; null when it is embedded in a larger one */
    public MacroListView(MacroListViewModel model, Runnable close) {
        getStyleClass().add("report-editor");
        Stylesheets.add(this, MacroListView.class, "report.css");
        ListView<Macro> list = new ListView<>(model.macros());
        list.setId("macro-list");
        list.setPrefWidth(200);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Macro m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.trigger() + (m.isShared() ? "  (shared)" : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        TextField trigger = new TextField();
        trigger.setId("macro-trigger");
        trigger.setPromptText(".nlcxr");
        trigger.textProperty().bindBidirectional(model.triggerProperty());
        TextArea expansion = new TextArea();
        expansion.setId("macro-expansion");
        expansion.setWrapText(true);
        expansion.setPrefRowCount(6);
        expansion.textProperty().bindBidirectional(model.expansionProperty());
        CheckBox shared = new CheckBox("Shared with everyone");
        shared.selectedProperty().bindBidirectional(model.sharedProperty());
        shared.setVisible(model.mayShare());
        Button fresh = new Button("_New");
        fresh.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.newMacro();
            trigger.requestFocus();
        });
        Button save = new Button("_Save");
        save.setId("macro-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        Button delete = new Button("_Delete");
        delete.setOnAction(e -> model.delete());
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        // Embedded in another dialog (Settings) there is nothing of its own to close.
        done.setVisible(close != null);
        done.setManaged(close != null);
        Label message = new Label();
        message.setId("macro-message");
        message.setWrapText(true);
        message.getStyleClass().add("report-message");
        message.textProperty().bind(model.messageProperty());
        Label help = new Label("Type the trigger in a report and press Space: it becomes the phrase. A phrase may use other triggers.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        VBox form = new VBox(6, new Label("Trigger"), trigger, new Label("Expands to"), expansion, shared,
                new HBox(8, fresh, save, delete, done), message, help);
        form.setPrefWidth(420);
        setLeft(list);
        setCenter(form);
        BorderPane.setMargin(form, new javafx.geometry.Insets(0, 0, 0, 10));
    }
}
