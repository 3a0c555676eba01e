package org.lightbox.app;

import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.lightbox.domain.Actor;
import org.lightbox.sync.SyncStatusViewModel;

/**
 * The bottom line: who is signed in, the central store connection (online/offline and why), what is
 * waiting to sync, the last successful sync, "sync now" (F9) and the sync panel (Ctrl+Shift+Y).
 */
final class StatusBarView extends HBox {
    private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
    private static final PseudoClass ATTENTION = PseudoClass.getPseudoClass("attention");

    StatusBarView(SyncStatusViewModel sync, Actor actor, Runnable openSyncPanel) {
        getStyleClass().add("status-bar");
        Label user = new Label("Signed in: " + actor.displayName());
        user.setId("status-user");
        Label connection = new Label();
        connection.setId("status-connection");
        connection.getStyleClass().add("status-connection");
        connection.textProperty().bind(sync.connectionTextProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(sync.problemTextProperty());
        connection.setTooltip(why);
        sync.onlineProperty().addListener((o, was, is) -> connection.pseudoClassStateChanged(ONLINE, is));
        connection.pseudoClassStateChanged(ONLINE, sync.onlineProperty().get());
        Label waiting = new Label();
        waiting.setId("status-waiting");
        waiting.textProperty().bind(sync.waitingTextProperty());
        sync.needsAttentionProperty().addListener((o, was, is) -> waiting.pseudoClassStateChanged(ATTENTION, is));
        waiting.pseudoClassStateChanged(ATTENTION, sync.needsAttentionProperty().get());
        Label lastSync = new Label();
        lastSync.setId("status-last-sync");
        lastSync.textProperty().bind(sync.lastSyncTextProperty());
        Label conflicts = new Label();
        conflicts.setId("status-conflicts");
        conflicts.getStyleClass().add("status-conflicts");
        conflicts.textProperty().bind(sync.conflictsTextProperty());
        Button syncNow = new Button("Sync now (F9)");
        syncNow.setId("status-sync-now");
        syncNow.setFocusTraversable(false);
        syncNow.disableProperty().bind(sync.canSyncNowProperty().not());
        syncNow.setOnAction(e -> sync.syncNow());
        Button panel = new Button("Sync panel (Ctrl+Shift+Y)");
        panel.setId("status-sync-panel");
        panel.setFocusTraversable(false);
        panel.setOnAction(e -> openSyncPanel.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label("/ search   Enter open   Alt+A assign   Ctrl+N new request   F9 sync   Ctrl+L lock   F1 all keys");
        help.setMinWidth(0);
        for (Label l : new Label[] {user, connection, waiting, lastSync, conflicts}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Button b : new Button[] {syncNow, panel}) {
            b.getStyleClass().add("status-button");
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(user, connection, waiting, lastSync, conflicts, syncNow, panel, spacer, help);
    }
}
