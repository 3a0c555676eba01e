package org.lightbox.ingest;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.Patient;
import org.lightbox.ui.Stylesheets;

/**
 * The "Link to request…" dialog: the images' patient beside the request's patient, differing
 * fields highlighted, and a confirmation box that must be ticked before such a link is allowed.
 * Keyboard: type the accession and press Enter; Space ticks the box; Alt+L links; Escape closes.
 */
public final class LinkStudyView extends VBox {
    private final LinkStudyViewModel model;
    private final TextField accession = new TextField();
    private final GridPane comparison = new GridPane();

    public LinkStudyView(LinkStudyViewModel model, Runnable close) {
        this.model = model;
        getStyleClass().add("link-study");
        Stylesheets.add(this, LinkStudyView.class, "scans.css");
        IndexedStudy study = model.study();
        Label heading = new Label("Study: " + study.modality() + "  " + study.description() + "  ("
                + study.instanceCount() + " images)");
        heading.getStyleClass().add("strong");
        accession.setId("link-accession");
        accession.setPromptText("Accession number");
        accession.textProperty().bindBidirectional(model.accessionProperty());
        accession.setOnAction(e -> model.findRequest());
        Button find = new Button("Find");
        find.setId("link-find");
        find.setOnAction(e -> model.findRequest());
        ListView<ImagingRequest> candidates = new ListView<>(model.candidates());
        candidates.setId("link-candidates");
        candidates.setPrefHeight(90);
        candidates.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ImagingRequest r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : LinkStudyViewModel.describe(r));
            }
        });
        candidates.getSelectionModel().selectedItemProperty().addListener((o, was, r) -> {
            if (r != null) {
                model.choose(r.accession().value());
            }
        });
        comparison.setId("identity-comparison");
        comparison.getStyleClass().add("identity-grid");
        CheckBox confirm = new CheckBox("I have checked: these images belong to this request's patient");
        confirm.setId("confirm-identity");
        confirm.selectedProperty().bindBidirectional(model.confirmedProperty());
        Label message = new Label();
        message.setId("link-message");
        message.getStyleClass().add("warning-text");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Button link = new Button("_Link");
        link.setId("link");
        link.setDefaultButton(false);
        link.disableProperty().bind(model.canLinkProperty().not());
        link.setOnAction(e -> model.link());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        HBox search = new HBox(8, new Label("Request"), accession, find);
        search.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, link, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, new Label("Likely requests of this patient"), candidates, search, comparison,
                message, confirm, buttons);
        model.previewProperty().addListener((o, was, preview) -> show(preview, confirm));
        show(null, confirm);
    }

    private void show(LinkPreview preview, CheckBox confirm) {
        comparison.getChildren().clear();
        confirm.setVisible(preview != null && preview.needsConfirmation());
        confirm.setManaged(confirm.isVisible());
        if (preview == null) {
            return;
        }
        HeaderIdentity images = preview.comparison().images();
        Patient registered = preview.comparison().registered();
        comparison.addRow(0, header(""), header("In the images"), header("Request " + preview.request().accession()));
        row(1, "Patient ID / MRN", images.patientId(), registered.mrn().value(), preview, IdentityField.PATIENT_ID);
        row(2, "Name", images.displayName(), registered.name().display(), preview, IdentityField.NAME);
        row(3, "Birth date", images.birthDate() == null ? "(none)" : images.birthDate().toString(),
                registered.birthDate().toString(), preview, IdentityField.BIRTH_DATE);
        comparison.addRow(4, new Label("Sex"), new Label(images.sex().isEmpty() ? "(none)" : images.sex()),
                new Label(registered.sex().code()));
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().sizeToScene(); // the comparison and the confirmation must not push the buttons out of sight
        }
    }

    private void row(int index, String name, String inImages, String inRequest, LinkPreview preview, IdentityField field) {
        Label images = new Label(inImages);
        Label request = new Label(inRequest);
        images.setId("images-" + field.name().toLowerCase());
        request.setId("request-" + field.name().toLowerCase());
        if (preview.comparison().differs(field)) {
            images.getStyleClass().add("identity-differs");
            request.getStyleClass().add("identity-differs");
        }
        comparison.addRow(index, new Label(name), images, request);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-title");
        return label;
    }

    public void focusAccession() {
        accession.requestFocus();
    }
}
