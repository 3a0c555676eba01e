package org.lightbox.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.lightbox.ui.Stylesheets;

/**
 * The sync panel: changes waiting for or refused by the central store (with the server's error), the
 * conflicts the sync settled, and changes received that could not be applied here yet (with why). Keyboard: Alt+S sync now, Alt+R retry refused, Alt+A acknowledge the
 * selected conflict, Escape closes.
 */
public final class SyncPanelView extends VBox {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm:ss");

    private final SyncPanelViewModel model;
    private final ZoneId zone;
    private final TableView<OutboxItem> items = new TableView<>();
    private final TableView<SyncConflict> conflicts = new TableView<>();
    private final TableView<ParkedChange> parked = new TableView<>();

    public SyncPanelView(SyncPanelViewModel model, ZoneId zone, Runnable close) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add("sync-panel");
        Stylesheets.add(this, SyncPanelView.class, "sync.css");
        Label title = new Label("SYNC WITH THE CENTRAL STORE");
        title.getStyleClass().add("pane-title");
        Label summary = new Label();
        summary.setId("sync-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label message = new Label();
        message.getStyleClass().add("sync-message");
        message.textProperty().bind(model.messageProperty());

        Label itemsTitle = new Label("Changes waiting or refused");
        itemsTitle.getStyleClass().add("section-title");
        itemsTable();
        Label conflictsTitle = new Label("Conflicts settled (acknowledge once read)");
        conflictsTitle.getStyleClass().add("section-title");
        conflictsTable();
        Label parkedTitle = new Label("Received from the central store, not applied yet (retried at every sync)");
        parkedTitle.getStyleClass().add("section-title");
        parkedTable();

        Button syncNow = new Button("_Sync now");
        syncNow.setId("sync-panel-sync-now");
        syncNow.setOnAction(e -> model.syncNow());
        Button retry = new Button("_Retry refused");
        retry.setId("sync-retry-refused");
        retry.setOnAction(e -> model.retryRefused());
        retry.setDisable(!model.canRetryRefused());
        Button acknowledge = new Button("_Acknowledge conflict");
        acknowledge.setId("sync-acknowledge");
        acknowledge.disableProperty().bind(conflicts.getSelectionModel().selectedItemProperty().isNull());
        acknowledge.setOnAction(e -> model.acknowledge(conflicts.getSelectionModel().getSelectedItem()));
        Button closeButton = new Button("Close (Esc)");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, syncNow, retry, acknowledge, spacer, message, closeButton);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox.setVgrow(items, Priority.ALWAYS);
        VBox.setVgrow(conflicts, Priority.SOMETIMES);
        VBox.setVgrow(parked, Priority.SOMETIMES);
        getChildren().addAll(title, summary, itemsTitle, items, conflictsTitle, conflicts, parkedTitle, parked, actions);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
        model.refresh();
    }

    private void itemsTable() {
        items.setId("sync-items");
        items.setItems(model.items());
        items.setPlaceholder(new Label("Nothing waiting: everything reached the central store"));
        items.getColumns().add(column("State", 80, i -> i.failed() ? "REFUSED" : "waiting"));
        items.getColumns().add(column("What", 130, OutboxItem::className));
        items.getColumns().add(column("Object", 170, OutboxItem::objectId));
        items.getColumns().add(column("Change", 70, OutboxItem::operation));
        items.getColumns().add(column("Queued", 130, i -> time(i.enqueuedAt())));
        items.getColumns().add(column("Tries", 50, i -> Integer.toString(i.attempts())));
        items.getColumns().add(column("Last error", 420, i -> i.lastError() == null ? "" : i.lastError()));
        items.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OutboxItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(REFUSED, !empty && item != null && item.failed());
            }
        });
    }

    private void conflictsTable() {
        conflicts.setId("sync-conflicts");
        conflicts.setItems(model.conflicts());
        conflicts.setPlaceholder(new Label("No conflicts to review"));
        conflicts.setPrefHeight(180);
        conflicts.setMinHeight(110);
        conflicts.getColumns().add(column("When", 130, c -> time(c.detectedAt())));
        conflicts.getColumns().add(column("What", 150, c -> c.className() + " " + c.objectId()));
        conflicts.getColumns().add(column("Fields", 120, SyncConflict::fields));
        conflicts.getColumns().add(column("Here", 200, SyncConflict::localValue));
        conflicts.getColumns().add(column("Central store", 200, SyncConflict::serverValue));
        conflicts.getColumns().add(column("Settled by", 330, SyncConflict::resolution));
        conflicts.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.acknowledge(conflicts.getSelectionModel().getSelectedItem());
            }
        });
    }

    private void parkedTable() {
        parked.setId("sync-parked");
        parked.setItems(model.parked());
        parked.setPlaceholder(new Label("Everything received was applied"));
        parked.setPrefHeight(120);
        parked.setMinHeight(100);
        parked.getColumns().add(column("Since", 130, p -> time(p.parkedAt())));
        parked.getColumns().add(column("What", 250, p -> p.className() + " " + p.objectId()));
        parked.getColumns().add(column("Tries", 50, p -> Integer.toString(p.attempts())));
        parked.getColumns().add(column("Why not yet", 700, ParkedChange::reason));
    }

    /** Focus the list of changes, for the keyboard. */
    public void focusItems() {
        items.requestFocus();
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }
}
