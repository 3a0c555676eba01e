package org.lightbox.settings;

import javafx.scene.control.TextField;
import org.lightbox.ui.FormGrid;

/** One setting in minutes with its Save and Cancel (auto-lock, reading-lock idle time). */
final class MinutesSettingView extends SettingsTabView {
    MinutesSettingView(MinutesSettingViewModel model, String idPrefix, String section, String label, String note) {
        this(model, idPrefix, section, label, note, new FormGrid());
    }

    private MinutesSettingView(MinutesSettingViewModel model, String idPrefix, String section, String label, String note,
            FormGrid grid) {
        super(note, grid, saveCancel(idPrefix, model::save, model::cancel, model.messageProperty()));
        grid.section(section);
        TextField minutes = FormGrid.text(idPrefix + "-minutes", model.minutesProperty(), 6, model::save);
        grid.field(label, minutes, model.errors().errorFor(model.field()), model.field());
    }
}
