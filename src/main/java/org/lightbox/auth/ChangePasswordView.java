package org.lightbox.auth;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lightbox.ui.FormGrid;
import org.lightbox.ui.Stylesheets;

/** "Change my password": current, new, and new again; Enter moves on and, from the last field, changes it. */
public final class ChangePasswordView extends VBox {
    private final PasswordField current;

    public ChangePasswordView(ChangePasswordViewModel model, Runnable close) {
        getStyleClass().add("change-password");
        Stylesheets.add(this, ChangePasswordView.class, "auth.css");
        FormGrid grid = new FormGrid();
        PasswordField confirm = FormGrid.password("change-password-confirm", model.confirmationProperty(), model::submit);
        PasswordField fresh = FormGrid.password("change-password-new", model.passwordProperty(), confirm::requestFocus);
        current = FormGrid.password("change-password-current", model.currentProperty(), fresh::requestFocus);
        grid.field("Current password", current, model.errors().errorFor(ChangePasswordViewModel.CURRENT),
                ChangePasswordViewModel.CURRENT);
        grid.field("New password", fresh, model.errors().errorFor(ChangePasswordViewModel.NEW), ChangePasswordViewModel.NEW);
        grid.field("New password again", confirm, model.errors().errorFor(ChangePasswordViewModel.CONFIRM),
                ChangePasswordViewModel.CONFIRM);
        Label who = new Label("Signed in as " + model.username());
        who.getStyleClass().add("strong");
        Label rule = new Label("At least 10 characters, 5 different ones, not your username: a few unrelated words work well.");
        rule.getStyleClass().add("muted");
        Button change = new Button("Change password");
        change.setId("change-password-submit");
        change.disableProperty().bind(model.busyProperty());
        change.setOnAction(e -> model.submit());
        Button cancel = new Button("Close");
        cancel.setId("change-password-close");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Label message = new Label();
        message.setId("change-password-message");
        message.getStyleClass().add("change-password-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(who, grid, rule, new HBox(10, change, cancel), message);
    }

    public void focusFirstField() {
        current.requestFocus();
    }
}
