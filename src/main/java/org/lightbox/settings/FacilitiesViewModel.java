package org.lightbox.settings;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.request.Facilities;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.Modality;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The Facilities tab: imaging centers and modalities, each picked from its list to rename or edit,
 * or started afresh with New; deactivated instead of deleted, since requests keep naming them.
 */
public final class FacilitiesViewModel {
    public static final String CENTER = "center.";
    public static final String MODALITY = "modality.";

    private final Facilities facilities;
    private final TaskExecutor tasks;
    private final Actor actor;

    private final ObservableList<ImagingCenter> centers = FXCollections.observableArrayList();
    private final ObservableList<Modality> modalities = FXCollections.observableArrayList();
    private final ObjectProperty<ImagingCenter> selectedCenter = new SimpleObjectProperty<>();
    private final StringProperty centerName = new SimpleStringProperty("");
    private final ObjectProperty<Modality> selectedModality = new SimpleObjectProperty<>();
    private final StringProperty modalityName = new SimpleStringProperty("");
    private final ObjectProperty<ModalityType> modalityType = new SimpleObjectProperty<>();
    private final StringProperty aeTitle = new SimpleStringProperty("");
    private final ObjectProperty<ImagingCenter> modalityCenter = new SimpleObjectProperty<>();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public FacilitiesViewModel(Facilities facilities, TaskExecutor tasks, Actor actor) {
        this.facilities = facilities;
        this.tasks = tasks;
        this.actor = actor;
        selectedCenter.addListener((o, old, now) -> {
            errors.clear(CENTER);
            centerName.set(now == null ? "" : now.name());
        });
        selectedModality.addListener((o, old, now) -> {
            errors.clear(MODALITY);
            modalityName.set(now == null ? "" : now.name());
            modalityType.set(now == null ? null : now.type());
            aeTitle.set(now == null || now.aeTitle() == null ? "" : now.aeTitle());
            modalityCenter.set(now == null ? null : centers.stream().filter(c -> c.id().equals(now.imagingCenterId()))
                    .findFirst().orElse(null));
        });
        reload();
    }

    public ObservableList<ImagingCenter> centers() { return centers; }
    public ObservableList<Modality> modalities() { return modalities; }
    public ObjectProperty<ImagingCenter> selectedCenterProperty() { return selectedCenter; }
    public StringProperty centerNameProperty() { return centerName; }
    public ObjectProperty<Modality> selectedModalityProperty() { return selectedModality; }
    public StringProperty modalityNameProperty() { return modalityName; }
    public ObjectProperty<ModalityType> modalityTypeProperty() { return modalityType; }
    public StringProperty aeTitleProperty() { return aeTitle; }
    public ObjectProperty<ImagingCenter> modalityCenterProperty() { return modalityCenter; }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void newCenter() {
        selectedCenter.set(null);
        centerName.set("");
        errors.clear(CENTER);
    }

    /** Adds a center, or renames the selected one. */
    public void saveCenter() {
        ImagingCenter current = selectedCenter.get();
        String name = centerName.get();
        errors.clear(CENTER);
        message.set("");
        tasks.submit(progress -> current == null ? facilities.addCenter(actor, name) : facilities.renameCenter(actor, current.id(), name),
                TaskListener.of(saved -> {
                    message.set("Imaging center " + saved.name() + " saved.");
                    reload(saved.id(), selectedModalityId());
                }, error -> message.set(errors.show(error, CENTER))));
    }

    public void toggleCenterActive() {
        ImagingCenter current = selectedCenter.get();
        if (current == null) {
            return;
        }
        message.set("");
        tasks.submit(progress -> current.active() ? facilities.deactivateCenter(actor, current.id())
                : facilities.reactivateCenter(actor, current.id()), TaskListener.of(saved -> {
                    message.set(saved.name() + (saved.active() ? " is offered for new requests again."
                            : " is no longer offered for new requests; those that name it keep it."));
                    reload();
                }, error -> message.set(UserMessages.of(error))));
    }

    public void newModality() {
        selectedModality.set(null);
        modalityName.set("");
        modalityType.set(null);
        aeTitle.set("");
        modalityCenter.set(null);
        errors.clear(MODALITY);
    }

    /** Adds a modality, or saves the selected one's name, type, AE title and center. */
    public void saveModality() {
        Modality current = selectedModality.get();
        String name = modalityName.get();
        ModalityType type = modalityType.get();
        String ae = aeTitle.get();
        String centerId = modalityCenter.get() == null ? null : modalityCenter.get().id();
        errors.clear(MODALITY);
        message.set("");
        tasks.submit(progress -> current == null ? facilities.addModality(actor, name, type, ae, centerId)
                : facilities.editModality(actor, current.id(), name, type, ae, centerId), TaskListener.of(saved -> {
                    message.set("Modality " + saved.name() + " saved.");
                    reload(selectedCenterId(), saved.id());
                }, error -> message.set(errors.show(error, MODALITY))));
    }

    public void toggleModalityActive() {
        Modality current = selectedModality.get();
        if (current == null) {
            return;
        }
        message.set("");
        tasks.submit(progress -> current.active() ? facilities.deactivateModality(actor, current.id())
                : facilities.reactivateModality(actor, current.id()), TaskListener.of(saved -> {
                    message.set(saved.name() + (saved.active() ? " is offered for scheduling again."
                            : " is no longer offered for scheduling; requests scheduled on it keep it."));
                    reload();
                }, error -> message.set(UserMessages.of(error))));
    }

    private void reload() {
        reload(selectedCenterId(), selectedModalityId());
    }

    private String selectedCenterId() {
        return selectedCenter.get() == null ? null : selectedCenter.get().id();
    }

    private String selectedModalityId() {
        return selectedModality.get() == null ? null : selectedModality.get().id();
    }

    private void reload(String centerId, String modalityId) {
        tasks.submit(progress -> new Listing(facilities.allCenters(), facilities.allModalities()), TaskListener.of(listing -> {
            centers.setAll(listing.centers());
            modalities.setAll(listing.modalities());
            selectedCenter.set(listing.centers().stream().filter(c -> c.id().equals(centerId)).findFirst().orElse(null));
            selectedModality.set(listing.modalities().stream().filter(m -> m.id().equals(modalityId)).findFirst().orElse(null));
        }, error -> message.set(UserMessages.of(error))));
    }

    private record Listing(List<ImagingCenter> centers, List<Modality> modalities) {
    }
}
