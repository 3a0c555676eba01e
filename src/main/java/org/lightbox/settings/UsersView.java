package org.lightbox.settings;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lightbox.auth.UserAccount;
import org.lightbox.domain.Role;
import org.lightbox.ui.FormGrid;

/** The Users tab: the accounts on the left; the selected one and a new one on the right. */
public final class UsersView extends SettingsTabView {
    public UsersView(UsersViewModel model) {
        this(model, new ListView<>(model.accounts()), new FormGrid(), new FormGrid());
    }

    private UsersView(UsersViewModel model, ListView<UserAccount> list, FormGrid selected, FormGrid fresh) {
        super(null, authority(model), new HBox(16, list, new VBox(14, selected, fresh)),
                buttons("users", model.messageProperty()));
        list.setId("users-list");
        list.setPrefWidth(280);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(UserAccount a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.displayName() + "  (" + a.username() + ")\n" + a.asActor().rolesText()
                        + (a.active() ? "" : "  ·  inactive"));
                getStyleClass().remove("inactive-row");
                if (!empty && a != null && !a.active()) {
                    getStyleClass().add("inactive-row");
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, old, now) -> list.getSelectionModel().select(now));
        HBox.setHgrow(list, Priority.SOMETIMES);

        String s = UsersViewModel.SELECTED;
        selected.section("SELECTED USER");
        Label who = new Label();
        who.getStyleClass().add("strong");
        who.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Pick a user in the list" : model.selectedProperty().get().displayName(), model.selectedProperty()));
        selected.span(who);
        FlowPane roles = roles("selected-role-", model::selectedRole);
        selected.field("Roles", roles, model.errors().errorFor(s + "roles"), s + "roles");
        Button saveRoles = new Button("Save roles");
        saveRoles.setId("users-save-roles");
        saveRoles.setOnAction(e -> model.saveRoles());
        Button active = new Button();
        active.setId("users-toggle-active");
        active.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.selectedProperty().get() != null
                && !model.selectedProperty().get().active() ? "Reactivate" : "Deactivate", model.selectedProperty()));
        active.setOnAction(e -> model.toggleActive());
        selected.row(new Label(), new HBox(8, saveRoles, active));
        var reset = FormGrid.password("users-reset-password", model.resetPasswordProperty(), model::resetPassword);
        Button resetButton = new Button("Set password");
        resetButton.setId("users-reset");
        resetButton.setOnAction(e -> model.resetPassword());
        selected.field("New password", new HBox(8, reset, resetButton), model.errors().errorFor(s + "password"), s + "password");
        selected.disableProperty().bind(model.readOnlyProperty().or(model.selectedProperty().isNull()));

        String n = UsersViewModel.NEW;
        fresh.section("NEW USER");
        fresh.field("Username", FormGrid.text("users-new-username", model.usernameProperty(), 16, model::createUser),
                model.errors().errorFor(n + "username"), n + "username");
        fresh.field("Display name", FormGrid.text("users-new-display-name", model.displayNameProperty(), 20, model::createUser),
                model.errors().errorFor(n + "displayName"), n + "displayName");
        fresh.field("Roles", roles("new-role-", model::newRole), model.errors().errorFor(n + "roles"), n + "roles");
        fresh.field("Initial password", FormGrid.password("users-new-password", model.passwordProperty(), model::createUser),
                model.errors().errorFor(n + "password"), n + "password");
        Label rule = new Label("At least 10 characters, 5 different ones, not the username: a few unrelated words work well.");
        rule.getStyleClass().add("muted");
        fresh.row(new Label(), rule);
        Button create = new Button("Create user");
        create.setId("users-create");
        create.setOnAction(e -> model.createUser());
        fresh.row(new Label(), create);
        fresh.disableProperty().bind(model.readOnlyProperty());
    }

    private static Label authority(UsersViewModel model) {
        Label label = new Label();
        label.setId("users-authority");
        label.setWrapText(true);
        label.getStyleClass().add("settings-note");
        label.textProperty().bind(model.authorityProperty());
        return label;
    }

    private static FlowPane roles(String idPrefix, java.util.function.Function<Role, javafx.beans.property.BooleanProperty> checks) {
        FlowPane pane = new FlowPane(12, 4);
        pane.setPrefWrapLength(360);
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(role.label());
            box.setId(idPrefix + role.code());
            box.selectedProperty().bindBidirectional(checks.apply(role));
            pane.getChildren().add(box);
        }
        return pane;
    }
}
