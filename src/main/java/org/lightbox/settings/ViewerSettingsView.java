package org.lightbox.settings;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lightbox.ui.FormGrid;

/** The Viewer tab: the CT presets on the number keys and the frame-cache size. */
public final class ViewerSettingsView extends SettingsTabView {
    public ViewerSettingsView(ViewerSettingsViewModel model) {
        this(model, new FormGrid(), new FormGrid());
    }

    private ViewerSettingsView(ViewerSettingsViewModel model, FormGrid grid, FormGrid cacheGrid) {
        super("CT window presets for the number keys 1 to 9 (centre and width in HU); leave a row empty to free its key."
                + " Presets apply from the next study the viewer opens.", grid, cacheGrid,
                saveCancel("viewer", model::save, model::cancel, model.messageProperty()));
        grid.section("CT PRESETS");
        grid.row(header("Key"), header("Name"), header("Centre"), header("Width"));
        for (int i = 0; i < model.presets().size(); i++) {
            ViewerSettingsViewModel.PresetRow row = model.presets().get(i);
            TextField name = FormGrid.text("preset-" + i + "-name", row.nameProperty(), 14, model::save);
            TextField center = FormGrid.text("preset-" + i + "-center", row.centerProperty(), 6, model::save);
            TextField width = FormGrid.text("preset-" + i + "-width", row.widthProperty(), 6, model::save);
            VBox errors = new VBox(
                    FormGrid.refusal(model.errors().errorFor(SettingsForm.preset(i, "name")), SettingsForm.preset(i, "name"), name),
                    FormGrid.refusal(model.errors().errorFor(SettingsForm.preset(i, "center")), SettingsForm.preset(i, "center"), center),
                    FormGrid.refusal(model.errors().errorFor(SettingsForm.preset(i, "width")), SettingsForm.preset(i, "width"), width));
            grid.row(new Label(Integer.toString(i + 1)), name, center, width, errors);
        }
        grid.span(FormGrid.refusal(model.errors().errorFor(SettingsForm.PRESETS), SettingsForm.PRESETS, null));
        cacheGrid.section("FRAME CACHE");
        Label hint = new Label();
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(model.cacheHintProperty());
        TextField cache = FormGrid.text("viewer-cache", model.cacheMegabytesProperty(), 6, model::save);
        cacheGrid.row(new Label("Size"), new HBox(8, cache, hint));
        cacheGrid.span(FormGrid.refusal(model.errors().errorFor(SettingsForm.CACHE_MEGABYTES), SettingsForm.CACHE_MEGABYTES, cache));
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }
}
