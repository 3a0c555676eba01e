package org.lightbox.settings;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lightbox.report.ImportedTemplate;
import org.lightbox.report.MacroListView;

/** The Reports tab: report templates (import, retire, restore), the shared macros, and the reading-lock idle time. */
public final class ReportsSettingsView extends SettingsTabView {
    public ReportsSettingsView(SettingsViewModel model, TemplateFileChooser chooser) {
        super(null, templates(model.templates(), chooser), macros(model),
                new MinutesSettingView(model.readingLock(), "reading-lock", "READING LOCK", "Free after (min)",
                        "A study being read is locked for others; the lock frees itself this long after its reader's"
                                + " last keystroke or click. Applies from each lock's next renewal."));
    }

    private static VBox templates(TemplatesViewModel model, TemplateFileChooser chooser) {
        Label title = new Label("REPORT TEMPLATES");
        title.getStyleClass().add("form-section");
        Label builtIn = new Label();
        builtIn.getStyleClass().add("muted");
        builtIn.setWrapText(true);
        builtIn.textProperty().bind(model.builtInProperty());
        ListView<ImportedTemplate> list = new ListView<>(model.imported());
        list.setId("templates-list");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No imported templates yet: Import… takes an MRRT (HTML) file."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ImportedTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.title() + "  (" + t.sourceName() + ")" + (t.active() ? "" : "  ·  retired"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, old, now) -> list.getSelectionModel().select(now));
        Button importButton = new Button("Import…");
        importButton.setId("templates-import");
        importButton.setOnAction(e -> chooser.choose(importButton.getScene().getWindow()).ifPresent(model::importFile));
        Button toggle = new Button("Retire");
        toggle.setId("templates-toggle-active");
        toggle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                && !model.selectedProperty().get().active() ? "Restore" : "Retire", model.selectedProperty()));
        toggle.disableProperty().bind(model.selectedProperty().isNull());
        toggle.setOnAction(e -> model.toggleActive());
        return new VBox(6, title, builtIn, list, buttons("templates", model.messageProperty(), importButton, toggle));
    }

    private static VBox macros(SettingsViewModel model) {
        Label title = new Label("MACROS");
        title.getStyleClass().add("form-section");
        // The editor's own macro dialog, embedded.
        MacroListView macros = new MacroListView(model.macros(), null);
        macros.setPrefHeight(200);
        return new VBox(6, title, new HBox(macros));
    }
}
