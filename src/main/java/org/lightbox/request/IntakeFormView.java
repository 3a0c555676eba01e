package org.lightbox.request;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Priority;
import org.lightbox.domain.Sex;
import org.lightbox.ui.Stylesheets;

/** The intake form. Each field has its refusal beside it; warnings need a tick before "Create" goes through. */
public final class IntakeFormView extends VBox {
    private final IntakeFormViewModel model;
    private final GridPane grid = new GridPane();
    private final TextField mrn = new TextField();
    private int row;

    public IntakeFormView(IntakeFormViewModel model, Runnable onCancel) {
        this.model = model;
        getStyleClass().add("intake-form");
        setSpacing(10);
        Stylesheets.add(this, IntakeFormView.class, "intake.css");
        grid.getStyleClass().add("grid");

        section("PATIENT");
        mrn.setId("intake-mrn");
        mrn.textProperty().bindBidirectional(model.mrnProperty());
        mrn.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                model.lookUpPatient();
            }
        });
        field("MRN", mrn, RequestForm.MRN);
        Label note = new Label();
        note.getStyleClass().add("patient-note");
        note.textProperty().bind(model.patientNoteProperty());
        grid.add(note, 1, row++, 2, 1);
        field("Family name", text("intake-family-name", model.familyNameProperty()), RequestForm.FAMILY_NAME);
        field("Given name", text("intake-given-name", model.givenNameProperty()), RequestForm.GIVEN_NAME);
        TextField birth = text("intake-birth-date", model.birthDateProperty());
        birth.setPromptText("YYYY-MM-DD");
        field("Birth date", birth, RequestForm.BIRTH_DATE);
        field("Sex", choice("intake-sex", FXCollections.observableArrayList(Sex.values()), model.sexProperty(), Sex::label), RequestForm.SEX);

        section("REQUEST");
        field("Accession", text("intake-accession", model.accessionProperty()), RequestForm.ACCESSION);
        field("Ordering clinician", text("intake-clinician", model.orderingClinicianProperty()), RequestForm.ORDERING_CLINICIAN);
        field("Priority", choice("intake-priority", FXCollections.observableArrayList(Priority.values()), model.priorityProperty(), Priority::label),
                RequestForm.PRIORITY);
        field("Modality", choice("intake-modality", FXCollections.observableArrayList(ModalityType.values()), model.modalityProperty(),
                m -> m.code() + "  " + m.label()), RequestForm.MODALITY);
        field("Description", text("intake-description", model.descriptionProperty()), RequestForm.DESCRIPTION);
        TextArea indication = new TextArea();
        indication.setId("intake-indication");
        indication.setPrefRowCount(3);
        indication.setWrapText(true);
        indication.textProperty().bindBidirectional(model.clinicalIndicationProperty());
        // Tab leaves the text area instead of typing a tab: the form is driven from the keyboard.
        indication.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                Node next = e.isShiftDown() ? mrn : grid.lookup("#intake-center");
                if (next != null) {
                    next.requestFocus();
                }
            }
        });
        field("Clinical indication", indication, RequestForm.CLINICAL_INDICATION);
        field("Imaging center", choice("intake-center", model.centers(), model.imagingCenterProperty(), ImagingCenter::name),
                RequestForm.IMAGING_CENTER);

        section("SCHEDULE (OPTIONAL)");
        ComboBox<Modality> scanner = choice("intake-scanner", withNoneFirst(model.modalities()), model.scheduledModalityProperty(),
                m -> m.name() + " (" + m.type().code() + ")");
        field("Modality", scanner, RequestForm.SCHEDULED_MODALITY);
        DatePicker day = new DatePicker();
        day.setId("intake-scheduled-date");
        day.valueProperty().bindBidirectional(model.scheduledDateProperty());
        TextField time = text("intake-scheduled-time", model.scheduledTimeProperty());
        time.setPromptText("HH:MM");
        time.setPrefColumnCount(5);
        field("When", new HBox(6, day, time), RequestForm.SCHEDULED_AT);

        getChildren().addAll(grid, warnings(), buttons(onCancel));
    }

    /** The model's list behind an empty first entry ("not scheduled yet"), following the model's list as it loads. */
    private static <T> ObservableList<T> withNoneFirst(ObservableList<T> items) {
        ObservableList<T> choices = FXCollections.observableArrayList();
        Runnable copy = () -> {
            List<T> all = new ArrayList<>();
            all.add(null);
            all.addAll(items);
            choices.setAll(all);
        };
        copy.run();
        items.addListener((ListChangeListener<T>) change -> copy.run());
        return choices;
    }

    private void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("intake-section");
        grid.add(label, 0, row++, 3, 1);
    }

    private void field(String label, Node control, String field) {
        Label name = new Label(label);
        name.setMinWidth(120);
        Label error = new Label();
        error.setId("error-" + field);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(300);
        StringBinding message = model.errorFor(field);
        error.textProperty().bind(message);
        if (control instanceof Control c) {
            message.addListener((o, old, now) -> {
                c.getStyleClass().remove("invalid");
                if (!now.isEmpty()) {
                    c.getStyleClass().add("invalid");
                }
            });
        }
        grid.addRow(row++, name, control, error);
    }

    private static TextField text(String id, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(22);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static <T> ComboBox<T> choice(String id, ObservableList<T> items, ObjectProperty<T> property,
            Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : label.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "None" : label.apply(item));
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private VBox warnings() {
        VBox box = new VBox();
        box.setId("intake-warnings");
        box.getStyleClass().add("intake-warnings");
        CheckBox confirm = new CheckBox("I have checked: create the request anyway");
        confirm.setId("intake-confirm-warnings");
        confirm.selectedProperty().bindBidirectional(model.warningsConfirmedProperty());
        Runnable refill = () -> {
            box.getChildren().clear();
            model.warnings().forEach(w -> {
                Label label = new Label("\u26A0  " + w);
                label.setWrapText(true);
                box.getChildren().add(label);
            });
            box.getChildren().add(confirm);
        };
        model.warnings().addListener((ListChangeListener<String>) c -> refill.run());
        box.visibleProperty().bind(Bindings.isNotEmpty(model.warnings()));
        box.managedProperty().bind(box.visibleProperty());
        refill.run();
        return box;
    }

    private HBox buttons(Runnable onCancel) {
        Button create = new Button("Create request");
        create.setId("intake-create");
        create.setDefaultButton(true);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> model.submit());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Label message = new Label();
        message.setId("intake-message");
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());
        return new HBox(10, create, cancel, message);
    }

    public void focusFirstField() {
        mrn.requestFocus();
    }
}
