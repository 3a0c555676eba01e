package org.lightbox.settings;

import javafx.scene.control.TextField;
import org.lightbox.ui.FormGrid;

/** The Worklist tab: due time per priority, in minutes. */
public final class WorklistSettingsView extends SettingsTabView {
    private final TextField stat;

    public WorklistSettingsView(WorklistSettingsViewModel model) {
        this(model, new FormGrid());
    }

    private WorklistSettingsView(WorklistSettingsViewModel model, FormGrid grid) {
        super("How long after the scan each priority may wait for its report. The worklist sorts STAT first, then by"
                + " due time; a study is amber 30 min before it is due and red once overdue. Applies to studies that reach"
                + " the worklist from now on.", grid, saveCancel("due", model::save, model::cancel, model.messageProperty()));
        grid.section("DUE TIME (MINUTES AFTER THE SCAN)");
        stat = FormGrid.text("due-stat", model.statProperty(), 6, model::save);
        grid.field("STAT", stat, model.errors().errorFor(SettingsForm.STAT_MINUTES), SettingsForm.STAT_MINUTES);
        grid.field("Urgent", FormGrid.text("due-urgent", model.urgentProperty(), 6, model::save),
                model.errors().errorFor(SettingsForm.URGENT_MINUTES), SettingsForm.URGENT_MINUTES);
        grid.field("Routine", FormGrid.text("due-routine", model.routineProperty(), 6, model::save),
                model.errors().errorFor(SettingsForm.ROUTINE_MINUTES), SettingsForm.ROUTINE_MINUTES);
    }

    public void focusFirstField() {
        stat.requestFocus();
    }
}
