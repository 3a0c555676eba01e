package org.lightbox.settings;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.lightbox.ui.Stylesheets;

/**
 * The administrator's Settings dialog: one tab per area (Ctrl+Tab moves between them). Each form has
 * its own Save and Cancel, Enter in a field saves its form, Esc closes the dialog.
 */
public final class SettingsView extends BorderPane {
    private final TabPane tabs = new TabPane();
    private final WorklistSettingsView worklist;

    public SettingsView(SettingsViewModel model, TemplateFileChooser chooser, Runnable close) {
        getStyleClass().add("settings-dialog");
        Stylesheets.add(this, SettingsView.class, "settings.css");
        worklist = new WorklistSettingsView(model.worklist());
        tabs.getTabs().addAll(
                tab("users", "Users", new UsersView(model.users())),
                tab("facilities", "Facilities", new FacilitiesView(model.facilities())),
                tab("worklist", "Worklist", worklist),
                tab("viewer", "Viewer", new ViewerSettingsView(model.viewer())),
                tab("reports", "Reports", new ReportsSettingsView(model, chooser)),
                tab("pacs", "PACS", new PacsSettingsView(model.pacs())),
                tab("security", "Workstation", new MinutesSettingView(model.autoLock(), "auto-lock", "SECURITY",
                        "Lock after (min)", "An unattended workstation locks itself after this many minutes without keyboard"
                                + " or mouse (Ctrl+L locks at once). Applies from the next check, within seconds.")));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("settings-tabs");
        setCenter(tabs);
        Button done = new Button("Close");
        done.setId("settings-close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        HBox bottom = new HBox(done);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.getStyleClass().add("settings-buttons");
        setBottom(bottom);
    }

    private static Tab tab(String id, String title, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("pane-body");
        Tab tab = new Tab(title, scroll);
        tab.setId("settings-tab-" + id);
        return tab;
    }

    /** Opens on the Users tab with the keyboard in its list. */
    public void focusFirst() {
        tabs.getSelectionModel().select(0);
        Node list = lookup("#users-list");
        if (list != null) {
            list.requestFocus();
        }
    }
}
