package org.lightbox.request;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Coded;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Mrn;
import org.lightbox.domain.Priority;
import org.lightbox.domain.Sex;
import org.lightbox.domain.ValidationException;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The intake form for a new imaging request. Validation is the domain's ({@link RequestIntake});
 * this holds what was typed, shows each refusal next to its field, and asks for confirmation when
 * the domain warns (a likely duplicate, a namesake under another MRN).
 */
public final class IntakeFormViewModel {
    private final RequestIntake intake;
    private final PatientRegistry patients;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Consumer<ImagingRequest> onCreated;

    private final StringProperty mrn = new SimpleStringProperty("");
    private final StringProperty familyName = new SimpleStringProperty("");
    private final StringProperty givenName = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final StringProperty accession = new SimpleStringProperty("");
    private final StringProperty orderingClinician = new SimpleStringProperty("");
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.ROUTINE);
    private final ObjectProperty<ModalityType> modality = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty clinicalIndication = new SimpleStringProperty("");
    private final ObjectProperty<ImagingCenter> imagingCenter = new SimpleObjectProperty<>();
    private final ObjectProperty<Modality> scheduledModality = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> scheduledDate = new SimpleObjectProperty<>();
    private final StringProperty scheduledTime = new SimpleStringProperty("");

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final BooleanProperty warningsConfirmed = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper patientNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ImagingCenter> centers = FXCollections.observableArrayList();
    private final ObservableList<Modality> modalities = FXCollections.observableArrayList();

    public IntakeFormViewModel(RequestIntake intake, PatientRegistry patients, Facilities facilities,
            AccessionNumbers accessionNumbers, TaskExecutor tasks, Actor actor, Consumer<ImagingRequest> onCreated) {
        this.intake = intake;
        this.patients = patients;
        this.tasks = tasks;
        this.actor = actor;
        this.onCreated = onCreated;
        loadChoices(facilities, accessionNumbers);
        // A confirmation is for the warnings it was given for: any change to the form asks again.
        for (Observable field : List.of(mrn, familyName, givenName, birthDate, sex, accession, modality, description)) {
            field.addListener(o -> {
                warnings.clear();
                warningsConfirmed.set(false);
            });
        }
    }

    public StringProperty mrnProperty() { return mrn; }
    public StringProperty familyNameProperty() { return familyName; }
    public StringProperty givenNameProperty() { return givenName; }
    public StringProperty birthDateProperty() { return birthDate; }
    public ObjectProperty<Sex> sexProperty() { return sex; }
    public StringProperty accessionProperty() { return accession; }
    public StringProperty orderingClinicianProperty() { return orderingClinician; }
    public ObjectProperty<Priority> priorityProperty() { return priority; }
    public ObjectProperty<ModalityType> modalityProperty() { return modality; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty clinicalIndicationProperty() { return clinicalIndication; }
    public ObjectProperty<ImagingCenter> imagingCenterProperty() { return imagingCenter; }
    public ObjectProperty<Modality> scheduledModalityProperty() { return scheduledModality; }
    public ObjectProperty<LocalDate> scheduledDateProperty() { return scheduledDate; }
    public StringProperty scheduledTimeProperty() { return scheduledTime; }
    public ObservableList<String> warnings() { return warnings; }
    public BooleanProperty warningsConfirmedProperty() { return warningsConfirmed; }
    public ReadOnlyStringProperty patientNoteProperty() { return patientNote.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Filled once the form's choices are read from the store (off the UI thread). */
    public ObservableList<ImagingCenter> centers() { return centers; }
    public ObservableList<Modality> modalities() { return modalities; }

    private record Choices(List<ImagingCenter> centers, List<Modality> modalities, String accession) {
    }

    private void loadChoices(Facilities facilities, AccessionNumbers accessionNumbers) {
        tasks.submit(progress -> new Choices(facilities.centers(), facilities.modalities(), accessionNumbers.next()),
                TaskListener.of(choices -> {
                    centers.setAll(choices.centers());
                    modalities.setAll(choices.modalities());
                    if (accession.get() == null || accession.get().isEmpty()) {
                        accession.set(choices.accession());
                    }
                    if (centers.size() == 1 && imagingCenter.get() == null) {
                        imagingCenter.set(centers.get(0));
                    }
                }, error -> message.set(UserMessages.of(error))));
    }

    /** The refusal for one field ({@link RequestForm} names), empty when it is fine. */
    public StringBinding errorFor(String field) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** When the MRN is already registered, fills in the patient so the scheduler only checks it. */
    public void lookUpPatient() {
        Mrn typed;
        try {
            typed = Mrn.of(mrn.get());
        } catch (InvalidValueException e) {
            patientNote.set("");
            return;
        }
        tasks.submit(progress -> patients.findByMrn(typed), TaskListener.of(found -> {
            if (found.isEmpty()) {
                patientNote.set("New patient: enter name, birth date and sex.");
                return;
            }
            Patient p = found.get();
            familyName.set(p.name().family());
            givenName.set(p.name().given());
            birthDate.set(p.birthDate().toString());
            sex.set(p.sex());
            patientNote.set("Registered patient: " + p.name().display() + ", born " + p.birthDate());
        }, error -> message.set(UserMessages.of(error))));
    }

    public void submit() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        message.set("");
        LocalDateTime scheduledAt = scheduledAt();
        if (!errors.isEmpty()) {
            return;
        }
        RequestForm form = new RequestForm(mrn.get(), familyName.get(), givenName.get(), birthDate.get(), code(sex.get()),
                accession.get(), orderingClinician.get(), code(priority.get()), code(modality.get()), description.get(),
                clinicalIndication.get(), imagingCenter.get() == null ? null : imagingCenter.get().id(),
                scheduledModality.get() == null ? null : scheduledModality.get().id(), scheduledAt);
        boolean confirmed = warningsConfirmed.get() && !warnings.isEmpty();
        busy.set(true);
        tasks.submit(progress -> intake.submit(actor, form, confirmed), TaskListener.of(outcome -> {
            busy.set(false);
            if (outcome instanceof IntakeOutcome.Created created) {
                onCreated.accept(created.request());
            } else if (outcome instanceof IntakeOutcome.NeedsConfirmation pending) {
                warnings.setAll(pending.warnings().stream().map(IntakeWarning::message).toList());
                warningsConfirmed.set(false);
                message.set("Check the warnings, then confirm to create the request anyway.");
            }
        }, error -> {
            busy.set(false);
            if (error instanceof ValidationException invalid) {
                for (FieldError e : invalid.errors()) {
                    errors.merge(e.field(), e.message(), (a, b) -> a + " " + b);
                }
                message.set(invalid.errors().size() == 1 ? "One field needs attention." : invalid.errors().size() + " fields need attention.");
            } else {
                message.set(UserMessages.of(error));
            }
        }));
    }

    /** The date picker and the HH:MM text together; a half-filled schedule is named on its missing field. */
    private LocalDateTime scheduledAt() {
        String time = scheduledTime.get() == null ? "" : scheduledTime.get().strip();
        if (scheduledDate.get() == null && time.isEmpty()) {
            return null;
        }
        if (scheduledDate.get() == null) {
            errors.put(RequestForm.SCHEDULED_AT, "Choose the day as well as the time");
            return null;
        }
        try {
            return scheduledDate.get().atTime(time.isEmpty() ? LocalTime.of(8, 0) : LocalTime.parse(time));
        } catch (DateTimeParseException e) {
            errors.put(RequestForm.SCHEDULED_AT, "Time must be written HH:MM, e.g. 14:30");
            return null;
        }
    }

    private static String code(Coded value) {
        return value == null ? "" : value.code();
    }
}
