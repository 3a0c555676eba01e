package org.lightbox.ingest.pacs;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.ui.OutcomeLines;
import org.lightbox.ui.ProgressRow;

/**
 * The PACS tab of the Scans screen. Keyboard: Enter in a field finds, Enter on a study or Alt+V
 * retrieves it, Esc cancels a running find or retrieve.
 */
public final class PacsView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm");

    private final PacsViewModel model;
    private final TextField patientId;
    private final TableView<RemoteStudy> table = new TableView<>();

    public PacsView(PacsViewModel model) {
        this.model = model;
        getStyleClass().add("pacs-pane");
        patientId = field("pacs-patient-id", model.patientIdProperty(), 10);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(status(), queryBar(), progressBar(), lines(), studiesTable(), actions());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.busyProperty().get() && model.cancellableProperty().get()) {
                model.cancel();
                e.consume();
            }
        });
    }

    private Label status() {
        Label pacs = new Label();
        pacs.setId("pacs-name");
        pacs.setWrapText(true);
        pacs.textProperty().bind(model.pacsNameProperty());
        pacs.getStyleClass().add("muted");
        model.configuredProperty().addListener((o, was, is) -> styleStatus(pacs, is));
        styleStatus(pacs, model.configuredProperty().get());
        return pacs;
    }

    private static void styleStatus(Label label, boolean configured) {
        label.getStyleClass().removeAll("muted", "warning-text");
        label.getStyleClass().add(configured ? "muted" : "warning-text");
    }

    private FlowPane queryBar() {
        DatePicker from = datePicker("pacs-from");
        from.valueProperty().bindBidirectional(model.studiedFromProperty());
        DatePicker to = datePicker("pacs-to");
        to.valueProperty().bindBidirectional(model.studiedToProperty());
        PasswordField password = new PasswordField();
        password.setId("pacs-password");
        password.setPrefColumnCount(8);
        password.setPromptText("PACS password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.find());
        password.visibleProperty().bind(model.needsPasswordProperty());
        password.managedProperty().bind(model.needsPasswordProperty());
        Button find = new Button("Find");
        find.setId("pacs-find");
        find.disableProperty().bind(model.canFindProperty().not());
        find.setOnAction(e -> model.find());
        FlowPane bar = new FlowPane(8, 6, labelled("Patient ID", patientId),
                labelled("Name", field("pacs-patient-name", model.patientNameProperty(), 12)),
                labelled("Accession", field("pacs-accession", model.accessionProperty(), 8)),
                labelled("Studied from", from), labelled("to", to), password, find);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("scans-bar");
        bar.disableProperty().bind(model.configuredProperty().not());
        return bar;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        field.setOnAction(e -> model.find());
        return field;
    }

    private DatePicker datePicker(String id) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(120);
        picker.setPromptText("any date");
        // The picker takes a typed date on the press of Enter; its release then finds, with that date. Picking a
        // day with the mouse does not find: the technologist may still pick the other end of the range.
        picker.addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.find();
            }
        });
        return picker;
    }

    private static HBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        HBox box = new HBox(4, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private ProgressRow progressBar() {
        ProgressRow row = new ProgressRow("pacs", model.progressProperty(), model.progressTextProperty(),
                model.busyProperty(), model::cancel);
        row.cancelButton().setId("pacs-cancel");
        row.cancelButton().disableProperty().bind(model.cancellableProperty().not());
        row.getStyleClass().add("scans-bar");
        return row;
    }

    private OutcomeLines lines() {
        OutcomeLines lines = new OutcomeLines("pacs-summary", model.summaryProperty(), "pacs-message", model.messageProperty());
        lines.getStyleClass().add("scans-bar");
        return lines;
    }

    private TableView<RemoteStudy> studiesTable() {
        table.setId("pacs-studies");
        table.setItems(model.studies());
        table.setPlaceholder(new Label("Find lists the PACS's studies here."));
        table.getColumns().setAll(List.of(
                column("Patient", s -> s.patientName().displayName(), 170),
                column("ID", RemoteStudy::patientId, 100),
                column("Born", s -> s.birthDate() == null ? "" : DAY.format(s.birthDate()), 95),
                column("Studied", s -> s.dateTime() == null ? "" : WHEN.format(s.dateTime()), 140),
                column("Modality", s -> String.join("/", s.modalities()), 70),
                column("Description", RemoteStudy::description, 200),
                column("Accession", RemoteStudy::accessionNumber, 100),
                column("Images", s -> s.instances() == null ? "" : Integer.toString(s.instances()), 60)));
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canRetrieveProperty().get()) {
                model.retrieve();
                e.consume();
            }
        });
        // The first study found is selected, so Enter or Alt+V retrieves it at once.
        // Added after the table's own listener, so the table knows the new rows when this selects.
        table.getItems().addListener((javafx.collections.ListChangeListener<RemoteStudy>) c -> {
            if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        return table;
    }

    private HBox actions() {
        Button retrieve = new Button("Retrie_ve");
        retrieve.setId("pacs-retrieve");
        retrieve.setMnemonicParsing(true);
        retrieve.disableProperty().bind(model.canRetrieveProperty().not());
        retrieve.setOnAction(e -> model.retrieve());
        Label hint = new Label();
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(Bindings.createStringBinding(() -> model.studies().isEmpty() ? ""
                : "The study is indexed and matched to its request as an import is; one of another patient waits in"
                        + " Unmatched with the reason.", model.studies()));
        HBox row = new HBox(8, retrieve, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("scans-bar");
        return row;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Puts the keyboard in the patient ID field. */
    public void focusQuery() {
        patientId.requestFocus();
    }
}
