package org.lightbox.settings;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.util.StringConverter;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.ui.FormGrid;

/** The PACS tab: the protocol, then the fields of that protocol only. */
public final class PacsSettingsView extends SettingsTabView {

    public PacsSettingsView(PacsSettingsViewModel model) {
        this(model, new FormGrid(), new FormGrid(), new FormGrid());
    }

    private PacsSettingsView(PacsSettingsViewModel model, FormGrid head, FormGrid web, FormGrid dimse) {
        super("The PACS the Scans screen finds and retrieves studies from (priors, or a study that is not on media)."
                + " No password is stored: the technologist types it on the Scans screen, once per session.",
                head, web, dimse, saveCancel("pacs", model::save, model::cancel, model.messageProperty()));
        head.section("PACS (QUERY / RETRIEVE)");
        ChoiceBox<PacsProtocol> protocol = new ChoiceBox<>();
        protocol.setId("pacs-protocol");
        protocol.getItems().setAll(PacsProtocol.values());
        protocol.setConverter(new StringConverter<>() {
            @Override
            public String toString(PacsProtocol p) {
                return p == null ? "" : p.label();
            }

            @Override
            public PacsProtocol fromString(String text) {
                return null;
            }
        });
        protocol.valueProperty().bindBidirectional(model.protocolProperty());
        head.row(new Label("Protocol"), protocol);

        web.field("DICOMweb root", FormGrid.text("pacs-url", model.urlProperty(), 30, model::save),
                model.errors().errorFor(SettingsForm.PACS_URL), SettingsForm.PACS_URL);
        web.field("User (optional)", FormGrid.text("pacs-user", model.userProperty(), 16, model::save),
                model.errors().errorFor("pacsUser"), "pacs-user");
        showOnlyWhen(web, model.dicomWebProperty());

        dimse.field("PACS AE title", FormGrid.text("pacs-ae-title", model.aeTitleProperty(), 16, model::save),
                model.errors().errorFor(SettingsForm.PACS_AE_TITLE), SettingsForm.PACS_AE_TITLE);
        dimse.field("Host", FormGrid.text("pacs-host", model.hostProperty(), 24, model::save),
                model.errors().errorFor(SettingsForm.PACS_HOST), SettingsForm.PACS_HOST);
        dimse.field("Port", FormGrid.text("pacs-port", model.portProperty(), 6, model::save),
                model.errors().errorFor(SettingsForm.PACS_PORT), SettingsForm.PACS_PORT);
        Label ourSide = new Label();
        ourSide.setId("pacs-our-side");
        ourSide.setWrapText(true);
        ourSide.getStyleClass().add("settings-note");
        ourSide.textProperty().bind(model.ourSideProperty());
        dimse.span(ourSide);
        showOnlyWhen(dimse, model.dimseProperty());
    }

    private static void showOnlyWhen(FormGrid grid, javafx.beans.value.ObservableValue<Boolean> shown) {
        grid.visibleProperty().bind(shown);
        grid.managedProperty().bind(grid.visibleProperty());
    }
}
