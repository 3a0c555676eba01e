package org.lightbox.ingest;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lightbox.ingest.pacs.PacsView;
import org.lightbox.ui.OutcomeLines;
import org.lightbox.ui.ProgressRow;
import org.lightbox.ui.Stylesheets;

/**
 * The technologist's Scans screen. Keyboard: Alt+F imports a folder, Alt+D a DICOMDIR, Alt+I a
 * file, Escape cancels a running import, Enter on an unmatched study opens "Link to request…"; the
 * PACS tab has its own keys (see {@link PacsView}).
 */
public final class ScansView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm");

    private final ScansViewModel model;
    private final ImportSourceChooser chooser;
    private final ZoneId zone;
    private final TableView<IndexedStudy> unmatchedTable = new TableView<>();

    public ScansView(ScansViewModel model, ImportSourceChooser chooser, ZoneId zone) {
        this.model = model;
        this.chooser = chooser;
        this.zone = zone;
        getStyleClass().add("scans");
        Stylesheets.add(this, ScansView.class, "scans.css");
        PacsView pacs = new PacsView(model.pacs());
        Tab pacsTab = new Tab("PACS", pacs);
        pacsTab.setId("scans-pacs-tab");
        // An administrator may have set the PACS since the screen opened.
        pacsTab.setOnSelectionChanged(e -> {
            if (pacsTab.isSelected()) {
                model.pacs().reload();
                javafx.application.Platform.runLater(pacs::focusQuery);
            }
        });
        TabPane queues = new TabPane(new Tab("Unmatched", unmatchedPane()), new Tab("Quarantine", quarantinePane()),
                new Tab("Last import: rejected", rejectedPane()), pacsTab);
        queues.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        queues.getTabs().get(0).textProperty().bind(javafx.beans.binding.Bindings.size(model.unmatched())
                .asString("Unmatched (%d)"));
        queues.getTabs().get(1).textProperty().bind(javafx.beans.binding.Bindings.size(model.quarantined())
                .asString("Quarantine (%d)"));
        queues.getTabs().get(2).textProperty().bind(javafx.beans.binding.Bindings.size(model.rejected())
                .asString("Rejected in last import (%d)"));
        VBox.setVgrow(queues, Priority.ALWAYS);
        getChildren().addAll(title("IMPORT"), importBar(), progressBar(), summary(), queues, title("STORAGE SCP"), scpBar());
        model.refresh();
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("pane-title");
        return title;
    }

    private HBox importBar() {
        Button folder = button("_Folder…", "import-folder", () -> chooser.folder(window()));
        Button dicomDir = button("CD / _DICOMDIR…", "import-dicomdir", () -> chooser.dicomDir(window()));
        Button file = button("F_ile…", "import-file", () -> chooser.file(window()));
        HBox bar = new HBox(8, new Label("Import from"), folder, dicomDir, file);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("scans-bar");
        return bar;
    }

    private Button button(String text, String id, java.util.function.Supplier<Optional<Path>> choose) {
        Button button = new Button(text);
        button.setId(id);
        button.setMnemonicParsing(true);
        button.disableProperty().bind(model.importingProperty());
        button.setOnAction(e -> choose.get().ifPresent(path -> model.importPaths(List.of(path))));
        return button;
    }

    private ProgressRow progressBar() {
        ProgressRow row = new ProgressRow("import", model.progressProperty(), model.progressTextProperty(),
                model.importingProperty(), model::cancel);
        row.cancelButton().setId("cancel-import");
        row.cancelButton().setCancelButton(true);
        row.getStyleClass().add("scans-bar");
        return row;
    }

    private OutcomeLines summary() {
        OutcomeLines lines = new OutcomeLines("import-summary", model.summaryProperty(), "scans-message",
                model.messageProperty());
        lines.getStyleClass().add("scans-bar");
        return lines;
    }

    private VBox unmatchedPane() {
        unmatchedTable.setId("unmatched-studies");
        unmatchedTable.setItems(model.unmatched());
        unmatchedTable.setPlaceholder(new Label("No study waits for its request."));
        unmatchedTable.getColumns().setAll(List.of(
                column("Patient in images", s -> s.identity().displayName(), 170),
                column("ID", s -> s.identity().patientId(), 90),
                column("Born", s -> s.identity().birthDate() == null ? "" : s.identity().birthDate().toString(), 90),
                column("Study", s -> s.modality() + "  " + s.description(), 150),
                column("Scanned", s -> s.performedAt() == null ? "" : WHEN.format(s.performedAt().atZone(zone)), 120),
                column("Images", s -> Integer.toString(s.instanceCount()), 60),
                column("Why unmatched", IndexedStudy::unmatchedReason, 320)));
        model.selectedUnmatchedProperty().bind(unmatchedTable.getSelectionModel().selectedItemProperty());
        Button link = new Button("_Link to request…");
        link.setId("link-to-request");
        link.disableProperty().bind(model.canLinkProperty().not());
        link.setOnAction(e -> openLinkDialog());
        unmatchedTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canLinkProperty().get()) {
                openLinkDialog();
                e.consume();
            }
        });
        VBox.setVgrow(unmatchedTable, Priority.ALWAYS);
        HBox actions = new HBox(8, link);
        actions.getStyleClass().add("scans-bar");
        Label reason = fullText("unmatched-reason", unmatchedTable, IndexedStudy::unmatchedReason);
        return new VBox(unmatchedTable, reason, actions);
    }

    /** The selected row's whole reason, wrapped: a table cell shows only its beginning. */
    private static <T> Label fullText(String id, TableView<T> table, Function<T, String> text) {
        Label full = new Label();
        full.setId(id);
        full.setWrapText(true);
        full.getStyleClass().add("scans-detail");
        full.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            T selected = table.getSelectionModel().getSelectedItem();
            return selected == null ? "" : text.apply(selected);
        }, table.getSelectionModel().selectedItemProperty()));
        return full;
    }

    private VBox quarantinePane() {
        TableView<QuarantinedFile> table = new TableView<>(model.quarantined());
        table.setId("quarantine");
        table.setPlaceholder(new Label("No file was quarantined."));
        table.getColumns().setAll(List.of(
                column("When", q -> WHEN.format(q.quarantinedAt().atZone(zone)), 120),
                column("From", QuarantinedFile::source, 260),
                column("Reason", QuarantinedFile::reason, 360),
                column("Kept as", q -> q.storedPath().toString(), 200)));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(table, fullText("quarantine-reason", table, q -> q.source() + ": " + q.reason()));
    }

    private ListView<Rejection> rejectedPane() {
        ListView<Rejection> list = new ListView<>(model.rejected());
        list.setId("rejected");
        list.setPlaceholder(new Label("Nothing rejected."));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Rejection r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.path() + " — " + r.reason());
            }
        });
        return list;
    }

    private HBox scpBar() {
        CheckBox on = new CheckBox("Accept images (C-STORE)");
        on.setId("scp-on");
        on.setSelected(model.scpRunningProperty().get());
        model.scpRunningProperty().addListener((o, was, running) -> on.setSelected(running));
        on.setOnAction(e -> model.setScpRunning(on.isSelected()));
        TextField ae = new TextField();
        ae.setId("scp-ae-title");
        ae.setPrefColumnCount(10);
        ae.textProperty().bindBidirectional(model.scpAeTitleProperty());
        ae.disableProperty().bind(model.scpRunningProperty());
        TextField port = new TextField();
        port.setId("scp-port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(model.scpPortProperty());
        port.disableProperty().bind(model.scpRunningProperty());
        Label status = new Label();
        status.setId("scp-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.scpStatusProperty());
        HBox bar = new HBox(8, on, new Label("AE title"), ae, new Label("Port"), port, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("scans-bar");
        return bar;
    }

    private <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void openLinkDialog() {
        Stage dialog = new Stage();
        Window owner = window();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Link study to request");
        LinkStudyView view = new LinkStudyView(model.linkSelected(dialog::close), dialog::close);
        Stylesheets.theme(view);
        dialog.setScene(new Scene(view));
        dialog.show();
        view.focusAccession();
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Puts the keyboard on the unmatched queue. */
    public void focusQueue() {
        unmatchedTable.requestFocus();
    }
}
