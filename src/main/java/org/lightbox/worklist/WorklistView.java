package org.lightbox.worklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.lightbox.domain.ModalityType;
import org.lightbox.ui.Icons;
import org.lightbox.ui.Stylesheets;

/** The worklist pane: filters on top, the table, and the commands on the selected request. */
public final class WorklistView extends BorderPane {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final PseudoClass CRITICAL = PseudoClass.getPseudoClass("critical");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm");

    private final WorklistViewModel model;
    private final ZoneId zone;
    private final TextField search = new TextField();
    private final TableView<WorklistEntry> table = new TableView<>();
    private final Button newRequest = new Button("_New request");

    public WorklistView(WorklistViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        getStyleClass().add("worklist");
        Stylesheets.add(this, WorklistView.class, "worklist.css");
        setTop(filters());
        setCenter(table());
        setBottom(actions());
    }

    private VBox filters() {
        Label title = new Label("WORKLIST");
        title.getStyleClass().add("pane-title");
        search.setId("worklist-search");
        search.getStyleClass().add("worklist-search");
        search.setPromptText("Search name, MRN, accession   ( / )");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
                table.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                focusTable();
            }
        });

        CheckBox mine = new CheckBox("Mine");
        mine.setId("filter-mine");
        mine.selectedProperty().bindBidirectional(model.mineProperty());
        CheckBox unassigned = new CheckBox("Unassigned");
        unassigned.setId("filter-unassigned");
        unassigned.selectedProperty().bindBidirectional(model.unassignedProperty());

        ComboBox<ModalityType> modality = new ComboBox<>();
        modality.setId("filter-modality");
        modality.getItems().add(null);
        modality.getItems().addAll(ModalityType.values());
        modality.setButtonCell(modalityCell());
        modality.setCellFactory(list -> modalityCell());
        modality.valueProperty().bindBidirectional(model.modalityProperty());

        ComboBox<StatusFilter> status = new ComboBox<>();
        status.setId("filter-status");
        status.getItems().addAll(StatusFilter.values());
        status.valueProperty().bindBidirectional(model.statusProperty());

        DatePicker from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText("From");
        from.setPrefWidth(125);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("filter-to");
        to.setPromptText("To");
        to.setPrefWidth(125);
        to.valueProperty().bindBidirectional(model.toProperty());

        Button clear = new Button("Clear");
        clear.setId("filter-clear");
        clear.setOnAction(e -> model.clearFilters());

        modality.setPrefWidth(170);
        status.setPrefWidth(130);
        // The filters wrap onto more lines in a narrow pane rather than squeezing "Mine" into "M...".
        FlowPane filters = new FlowPane(search, mine, unassigned, modality, status, from, to, clear);
        filters.getStyleClass().add("worklist-filters");
        VBox top = new VBox(0, title, filters);
        top.getStyleClass().add("worklist-top");
        return top;
    }

    private static ListCell<ModalityType> modalityCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ModalityType item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "Any modality" : item.code() + "  " + item.label());
            }
        };
    }

    private TableView<WorklistEntry> table() {
        table.setId("worklist-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No requests match these filters."));
        // Columns keep readable widths and the table scrolls sideways in a narrow pane; squeezing ten columns
        // into a third of the window cut every name and date to "...". The menu button hides columns.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open();
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WorklistEntry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(OVERDUE, !empty && item != null && item.isOverdueAt(model.nowProperty().get()));
                pseudoClassStateChanged(CRITICAL, !empty && item != null && item.critical());
            }
        });
        model.nowProperty().addListener(o -> table.refresh());

        table.getColumns().add(priorityColumn());
        table.getColumns().add(dueColumn());
        table.getColumns().add(text("Patient", 170, WorklistEntry::patientName));
        table.getColumns().add(text("MRN", 95, WorklistEntry::mrn));
        table.getColumns().add(text("Accession", 100, WorklistEntry::accession));
        table.getColumns().add(text("Mod.", 50, e -> e.modality().code()));
        table.getColumns().add(text("Description", 170, WorklistEntry::description));
        table.getColumns().add(text("Status", 100, WorklistEntry::statusText));
        table.getColumns().add(text("Assignee", 120, e -> e.assigneeName() == null ? "" : e.assigneeName()));
        table.getColumns().add(lockColumn());
        return table;
    }

    private TableColumn<WorklistEntry, WorklistEntry> priorityColumn() {
        TableColumn<WorklistEntry, WorklistEntry> column = entryColumn("Priority", 86);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeIf(s -> s.startsWith("priority-label-"));
                if (empty || e == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setGraphic(e.likelyDuplicate() ? new HBox(4, Icons.priority(e.priority()), Icons.flag()) : Icons.priority(e.priority()));
                setText(e.priority().label());
                getStyleClass().add("priority-label-" + e.priority().code());
                setTooltip(e.likelyDuplicate() ? new Tooltip("Flagged at intake as a likely duplicate request") : null);
            }
        });
        return column;
    }

    private TableColumn<WorklistEntry, WorklistEntry> dueColumn() {
        TableColumn<WorklistEntry, WorklistEntry> column = entryColumn("Due", 125);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("due-overdue", "due-soon");
                if (empty || e == null || e.dueAt() == null || !e.status().awaitsReading()) {
                    setText(e == null || empty ? null : scheduledText(e));
                    setTooltip(null);
                    return;
                }
                Instant now = model.nowProperty().get();
                setText(DueTimeText.describe(e.dueAt(), now));
                setTooltip(new Tooltip("Due " + TIME.format(e.dueAt().atZone(zone))));
                if (e.isOverdueAt(now)) {
                    getStyleClass().add("due-overdue");
                } else if (e.isDueSoonAt(now)) {
                    getStyleClass().add("due-soon");
                }
            }
        });
        return column;
    }

    private String scheduledText(WorklistEntry e) {
        return e.scheduledAt() == null ? "" : "sched. " + TIME.format(e.scheduledAt().atZone(zone));
    }

    private TableColumn<WorklistEntry, WorklistEntry> lockColumn() {
        TableColumn<WorklistEntry, WorklistEntry> column = entryColumn("Being read by", 130);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WorklistEntry e, boolean empty) {
                super.updateItem(e, empty);
                String reader = empty || e == null ? null : e.readerAt(model.nowProperty().get());
                setText(reader);
                setGraphic(reader == null ? null : Icons.lock());
                getStyleClass().remove("lock-text");
                if (reader != null) {
                    getStyleClass().add("lock-text");
                }
            }
        });
        return column;
    }

    private static TableColumn<WorklistEntry, WorklistEntry> entryColumn(String title, double width) {
        TableColumn<WorklistEntry, WorklistEntry> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> Bindings.createObjectBinding(c::getValue));
        return column;
    }

    private static TableColumn<WorklistEntry, String> text(String title, double width, Function<WorklistEntry, String> value) {
        TableColumn<WorklistEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue())));
        return column;
    }

    private HBox actions() {
        Button assign = new Button("_Assign to me");
        assign.setId("assign-to-me");
        assign.disableProperty().bind(model.canAssignToMeProperty().not());
        assign.setOnAction(e -> model.assignToMe());
        Button release = new Button("_Release");
        release.setId("release");
        release.disableProperty().bind(model.canReleaseProperty().not());
        release.setOnAction(e -> model.release());
        Button open = new Button("_Open");
        open.setId("open-request");
        open.disableProperty().bind(model.selectedProperty().isNull());
        open.setOnAction(e -> model.open());
        newRequest.setId("new-request");
        newRequest.setVisible(model.canCreateRequests());
        newRequest.setManaged(model.canCreateRequests());

        Label message = new Label();
        message.setId("worklist-message");
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());
        Label summary = new Label();
        summary.setId("worklist-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(open, assign, release, newRequest, message, spacer, summary);
        bar.getStyleClass().add("worklist-actions");
        return bar;
    }

    /** Where the shell wires the intake form: the pane only offers the button. */
    public void onNewRequest(Runnable action) {
        newRequest.setOnAction(e -> action.run());
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }
}
