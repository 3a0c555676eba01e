package org.lightbox.auth;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.lightbox.ui.Stylesheets;

/** The sign-in screen: username, password, Enter. */
public final class SignInView extends StackPane {
    private final TextField username = new TextField();

    public SignInView(SignInViewModel model) {
        getStyleClass().add("sign-in-screen");
        Stylesheets.add(this, SignInView.class, "auth.css");

        Label brand = new Label("Lightbox");
        brand.getStyleClass().add("brand");
        Label subtitle = new Label("Radiology workstation. Sign in to continue.");
        subtitle.getStyleClass().add("muted");

        username.setId("username");
        username.setPromptText("Username");
        username.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.passwordProperty());

        Button signIn = new Button("Sign in");
        signIn.setId("sign-in");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.canSignInProperty().not());
        signIn.setOnAction(e -> model.signIn());
        username.setOnAction(e -> password.requestFocus());

        Label message = new Label();
        message.setId("sign-in-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        VBox card = new VBox(brand, subtitle, username, password, signIn, message);
        card.getStyleClass().add("sign-in-card");
        card.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    public void focusUsername() {
        username.requestFocus();
    }
}
