package org.lightbox.auth;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.lightbox.ui.Stylesheets;

/** Covers the window while the workstation is locked: nothing of the patient shows through. */
public final class LockScreenView extends StackPane {
    private final PasswordField password = new PasswordField();

    public LockScreenView(LockScreenViewModel model) {
        getStyleClass().add("lock-screen");
        Stylesheets.add(this, LockScreenView.class, "auth.css");

        Label brand = new Label("Lightbox is locked");
        brand.getStyleClass().add("brand");
        Label who = new Label(model.lockedFor());
        who.getStyleClass().add("muted");

        password.setId("unlock-password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.unlock());

        Button unlock = new Button("Unlock");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(model.canUnlockProperty().not());
        unlock.setOnAction(e -> model.unlock());
        Button signOut = new Button("Sign out");
        signOut.setId("lock-sign-out");
        signOut.setOnAction(e -> model.signOut());

        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());

        VBox card = new VBox(brand, who, password, new HBox(8, unlock, signOut), message);
        card.getStyleClass().add("sign-in-card");
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    public void focusPassword() {
        password.requestFocus();
    }
}
