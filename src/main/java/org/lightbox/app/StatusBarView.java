package org.lightbox.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.lightbox.domain.Actor;

/** The bottom line: who is signed in, the central store connection, and what is waiting to sync. */
final class StatusBarView extends HBox {
    StatusBarView(ShellViewModel model, Actor actor) {
        getStyleClass().add("status-bar");
        Label user = new Label("Signed in: " + actor.displayName());
        user.setId("status-user");
        Label connection = new Label();
        connection.setId("status-connection");
        connection.textProperty().bind(model.connectionProperty());
        Label waiting = new Label();
        waiting.setId("status-waiting");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> {
            long n = model.changesWaitingProperty().get();
            return n == 0 ? "Nothing waiting to sync" : n + (n == 1 ? " change" : " changes") + " waiting to sync";
        }, model.changesWaitingProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label("/ search   Enter open   Alt+A assign   Ctrl+N new request   Ctrl+L lock");
        getChildren().addAll(user, connection, waiting, spacer, help);
    }
}
