package org.lightbox.ingest;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * "Link to request…": pick the request (by accession, or among the patient's likely requests),
 * compare the identities side by side, and confirm explicitly when they differ.
 */
public final class LinkStudyViewModel {
    private final UnmatchedStudies unmatchedStudies;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final IndexedStudy study;
    private final Consumer<IndexedStudy> onLinked;

    private final StringProperty accession = new SimpleStringProperty("");
    private final ObservableList<ImagingRequest> candidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LinkPreview> preview = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty confirmed = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canLink;

    LinkStudyViewModel(UnmatchedStudies unmatchedStudies, TaskExecutor tasks, Actor actor, IndexedStudy study,
            Consumer<IndexedStudy> onLinked) {
        this.unmatchedStudies = unmatchedStudies;
        this.tasks = tasks;
        this.actor = actor;
        this.study = study;
        this.onLinked = onLinked;
        canLink = Bindings.createBooleanBinding(() -> {
            LinkPreview p = preview.get();
            return p != null && p.refusal().isEmpty() && (!p.needsConfirmation() || confirmed.get());
        }, preview, confirmed);
        tasks.submit(progress -> unmatchedStudies.candidates(study), TaskListener.of(found -> {
            candidates.setAll(found);
            if (found.size() == 1) {
                choose(found.get(0).accession().value());
            }
        }, error -> message.set(UserMessages.of(error))));
    }

    public IndexedStudy study() { return study; }
    public StringProperty accessionProperty() { return accession; }
    public ObservableList<ImagingRequest> candidates() { return FXCollections.unmodifiableObservableList(candidates); }
    public ReadOnlyObjectProperty<LinkPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public BooleanProperty confirmedProperty() { return confirmed; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding canLinkProperty() { return canLink; }

    public void choose(String accessionNumber) {
        accession.set(accessionNumber);
        findRequest();
    }

    /** Looks up the request under the accession typed, and compares identities. */
    public void findRequest() {
        confirmed.set(false);
        preview.set(null);
        message.set("");
        String typed = accession.get() == null ? "" : accession.get().strip();
        if (typed.isEmpty()) {
            message.set("Type the request's accession number");
            return;
        }
        tasks.submit(p -> unmatchedStudies.preview(study.id(), typed), TaskListener.of(found -> {
            preview.set(found);
            message.set(found.refusal().orElse(found.needsConfirmation()
                    ? "The patient differs in: " + found.comparison().differencesText()
                    + ". Check the patient before confirming." : ""));
        }, error -> message.set(UserMessages.of(error))));
    }

    public void link() {
        LinkPreview p = preview.get();
        if (!canLink.get()) {
            return;
        }
        boolean confirmation = confirmed.get();
        tasks.submit(progress -> unmatchedStudies.link(actor, study.id(), p.request().id(), confirmation),
                TaskListener.of(onLinked, error -> message.set(UserMessages.of(error))));
    }

    /** For the candidates list: "DEMO0006  CT sinus  (scheduled)". */
    public static String describe(ImagingRequest r) {
        return r.accession() + "  " + r.description() + "  (" + r.status().label().toLowerCase() + ")";
    }

}
