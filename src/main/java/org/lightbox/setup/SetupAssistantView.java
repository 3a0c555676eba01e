package org.lightbox.setup;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.lightbox.auth.PasswordRule;
import org.lightbox.ui.FormGrid;
import org.lightbox.ui.Stylesheets;

/**
 * The first-run assistant, before anyone can sign in: one page, grouped by who will ask about it later
 * (the folder, the DICOM network, the central store, the reports, the first administrator). Every
 * refusal appears beside its field; Finish sets everything up at once, Cancel (Esc) leaves without
 * creating anything.
 */
public final class SetupAssistantView extends StackPane {
    private final SetupAssistantViewModel model;
    private final FormGrid grid = new FormGrid();
    private final TextField folder = new TextField();

    public SetupAssistantView(SetupAssistantViewModel model) {
        this.model = model;
        getStyleClass().add("setup-screen");
        Stylesheets.theme(this);
        Stylesheets.add(this, SetupAssistantView.class, "setup.css");

        Label brand = new Label("Welcome to Lightbox");
        brand.getStyleClass().add("brand");
        Label intro = new Label("Set this workstation up. An administrator can change all of this later.");
        intro.getStyleClass().add("muted");

        section("DATA FOLDER", "The database, the images and the log live here; back it up as a whole.");
        folder.setId("setup-" + SetupForm.DATA_FOLDER);
        folder.setPrefColumnCount(30);
        folder.textProperty().bindBidirectional(model.dataFolderProperty());
        folder.setEditable(model.folderChangeable());
        folder.setFocusTraversable(model.folderChangeable());
        Button choose = new Button("Choose…");
        choose.setId("setup-choose-folder");
        choose.setDisable(!model.folderChangeable());
        choose.setOnAction(e -> chooseFolder());
        Label folderLabel = new Label("Folder");
        folderLabel.setLabelFor(folder);
        grid.row(folderLabel, new HBox(6, folder, choose),
                FormGrid.refusal(model.errorFor(SetupForm.DATA_FOLDER), SetupForm.DATA_FOLDER, folder));
        Label note = new Label(model.folderNote());
        note.getStyleClass().add("setup-note");
        grid.row(new Region(), note);

        section("THIS WORKSTATION ON THE DICOM NETWORK", "Modalities and PACS send images to this AE title and port.");
        field("AE title", text(SetupForm.AE_TITLE, model.aeTitleProperty()), SetupForm.AE_TITLE);
        field("Port", text(SetupForm.PORT, model.portProperty()), SetupForm.PORT);

        section("CENTRAL STORE (OPTIONAL)", "Leave both empty to work standalone; it can be connected later.");
        TextField url = text(SetupForm.CENTRAL_STORE_URL, model.centralStoreUrlProperty());
        url.setPromptText("https://store.example/parse");
        field("URL", url, SetupForm.CENTRAL_STORE_URL);
        field("Application id", text(SetupForm.APPLICATION_ID, model.applicationIdProperty()), SetupForm.APPLICATION_ID);

        section("REPORTS", "Named at the head of every report that leaves this workstation.");
        field("Institution", text(SetupForm.INSTITUTION, model.institutionProperty()), SetupForm.INSTITUTION);

        section("FIRST ADMINISTRATOR", "Signs in first and creates the other accounts.");
        field("Username", text(SetupForm.ADMIN_USERNAME, model.adminUsernameProperty()), SetupForm.ADMIN_USERNAME);
        field("Name", text(SetupForm.ADMIN_DISPLAY_NAME, model.adminDisplayNameProperty()), SetupForm.ADMIN_DISPLAY_NAME);
        PasswordField password = FormGrid.password("setup-" + SetupForm.PASSWORD, model.passwordProperty(), model::finish);
        password.setPromptText("at least " + PasswordRule.MIN_LENGTH + " characters; a few unrelated words will do");
        field("Password", password, SetupForm.PASSWORD);
        field("Password again", FormGrid.password("setup-" + SetupForm.PASSWORD_AGAIN, model.passwordAgainProperty(),
                model::finish), SetupForm.PASSWORD_AGAIN);

        VBox card = new VBox(10, brand, intro, grid, buttons());
        card.getStyleClass().add("setup-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane centred = new StackPane(card);
        centred.getStyleClass().add("setup-body");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("pane-body");
        getChildren().add(scroll);
    }

    private void section(String title, String explanation) {
        Label label = new Label(title);
        label.getStyleClass().add("setup-section");
        grid.span(label);
        Label text = new Label(explanation);
        text.getStyleClass().add("muted");
        text.setWrapText(true);
        grid.span(text);
    }

    private void field(String label, Node control, String field) {
        grid.field(label, control, model.errorFor(field), field);
    }

    private TextField text(String field, StringProperty property) {
        return FormGrid.text("setup-" + field, property, 24, model::finish);
    }

    private HBox buttons() {
        Button finish = new Button("Finish");
        finish.setId("setup-finish");
        finish.setDefaultButton(true);
        finish.disableProperty().bind(model.busyProperty());
        finish.setOnAction(e -> model.finish());
        Button cancel = new Button("Cancel");
        cancel.setId("setup-cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        Label message = new Label();
        message.setId("setup-message");
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());
        HBox buttons = new HBox(10, finish, cancel, message);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Lightbox data folder");
        try {
            Path typed = Path.of(model.dataFolderProperty().get());
            Path start = Files.isDirectory(typed) ? typed : typed.getParent();
            if (start != null && Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
        } catch (InvalidPathException e) {
            // Whatever was typed is no path: the chooser starts where the platform likes.
        }
        File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.dataFolderProperty().set(chosen.getAbsolutePath());
        }
    }

    public void focusFirstField() {
        (model.folderChangeable() ? folder : grid.lookup("#setup-" + SetupForm.AE_TITLE)).requestFocus();
    }
}
