package org.lightbox.ingest.pacs;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.domain.Actor;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.TaskProgress;
import org.lightbox.ui.UserMessages;

/**
 * The PACS tab of the Scans screen: find studies on the PACS set in Settings, retrieve the selected
 * one with progress and Cancel. The query and the retrieve run through the task executor; the
 * password (DICOMweb with a user) stays in memory for the session and is never stored.
 */
public final class PacsViewModel {
    private final PacsQueryRetrieve pacs;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Runnable onRetrieved;

    private final StringProperty patientId = new SimpleStringProperty("");
    private final StringProperty patientName = new SimpleStringProperty("");
    private final StringProperty accession = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> studiedFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> studiedTo = new SimpleObjectProperty<>();
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper configured = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper needsPassword = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper pacsName = new ReadOnlyStringWrapper("");
    private final ObservableList<RemoteStudy> studies = FXCollections.observableArrayList();
    /** One wrapper for everyone: a wrapper listens to the list weakly, so a fresh one per call could lose its listeners. */
    private final ObservableList<RemoteStudy> studiesShown = FXCollections.unmodifiableObservableList(studies);
    private final ObjectProperty<RemoteStudy> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canFind = configured.and(busy.not());
    private final BooleanBinding canRetrieve = Bindings.createBooleanBinding(
            () -> configured.get() && !busy.get() && selected.get() != null, configured, busy, selected);

    private PacsSettings current = PacsSettings.NONE;
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    private TaskHandle running = () -> { };
    private boolean finding;
    /** A find the technologist cancelled answers later; only the newest find may fill the table. */
    private int findNumber;

    /** @param onRetrieved told after a retrieve kept images, so the Scans screen reloads its queues */
    public PacsViewModel(PacsQueryRetrieve pacs, TaskExecutor tasks, Actor actor, Runnable onRetrieved) {
        this.pacs = pacs;
        this.tasks = tasks;
        this.actor = actor;
        this.onRetrieved = onRetrieved;
        reload();
    }

    public StringProperty patientIdProperty() { return patientId; }
    public StringProperty patientNameProperty() { return patientName; }
    public StringProperty accessionProperty() { return accession; }
    public ObjectProperty<LocalDate> studiedFromProperty() { return studiedFrom; }
    public ObjectProperty<LocalDate> studiedToProperty() { return studiedTo; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyBooleanProperty configuredProperty() { return configured.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty needsPasswordProperty() { return needsPassword.getReadOnlyProperty(); }
    /** "DICOMweb http://pacs:8042/dicom-web", or what to do when there is no PACS. */
    public ReadOnlyStringProperty pacsNameProperty() { return pacsName.getReadOnlyProperty(); }
    public ObservableList<RemoteStudy> studies() { return studiesShown; }
    public ObjectProperty<RemoteStudy> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** False during a C-MOVE: the PACS sends the study in its own time and DIMSE here cannot stop it. */
    public ReadOnlyBooleanProperty cancellableProperty() { return cancellable.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding canFindProperty() { return canFind; }
    public BooleanBinding canRetrieveProperty() { return canRetrieve; }

    /** Reads the PACS setting again (an administrator may have changed it since the screen opened). */
    public void reload() {
        tasks.submit(p -> pacs.pacs(), TaskListener.of(settings -> {
            current = settings;
            configured.set(settings.configured());
            needsPassword.set(settings.needsPassword());
            pacsName.set(settings.configured() ? "PACS: " + settings.describe()
                    + (settings.needsPassword() ? " as " + settings.user() : "") : PacsQueryRetrieve.NOT_SET);
        }, error -> message.set(UserMessages.of(error))));
    }

    /** Runs the query in the background; the table shows the matches, or a line says there are none. */
    public void find() {
        if (!canFind.get()) {
            return;
        }
        StudyQuery query;
        try {
            query = new StudyQuery(patientId.get(), patientName.get(), accession.get(), "", studiedFrom.get(), studiedTo.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        int number = ++findNumber;
        String typedPassword = password.get();
        started("Asking the PACS…", true);
        finding = true;
        studies.clear();
        running = tasks.submit(p -> pacs.find(actor, query, typedPassword), new TaskListener<>() {
            @Override
            public void succeeded(List<RemoteStudy> found) {
                if (number != findNumber) {
                    return;
                }
                stopped();
                studies.setAll(found);
                summary.set(found.isEmpty() ? "No study on the PACS matches." : found.size()
                        + (found.size() == 1 ? " study" : " studies") + " on the PACS match.");
            }

            @Override
            public void failed(Throwable error) {
                if (number == findNumber) {
                    stopped();
                    message.set(UserMessages.of(error));
                }
            }

            @Override
            public void cancelled() {
                if (number == findNumber) {
                    stopped();
                }
            }
        });
    }

    /** Brings the selected study in; it is indexed and matched to its request as an import is. */
    public void retrieve() {
        RemoteStudy study = selected.get();
        if (!canRetrieve.get() || study == null) {
            return;
        }
        boolean overDicomWeb = current.protocol() == PacsProtocol.DICOMWEB;
        String typedPassword = password.get();
        AtomicBoolean cancel = started(overDicomWeb ? "Retrieving " + what(study) + "…"
                : "The PACS sends " + what(study) + " by C-MOVE…", overDicomWeb);
        tasks.submit(p -> {
            if (!overDicomWeb && pacs.storageScpIsOff()) {
                StorageScpSettings us = pacs.ourSide();
                p.report(-1, "The Storage SCP is off: it listens as " + us.aeTitle() + " on port " + us.port()
                        + " for this retrieve only, while the PACS sends " + what(study) + ".");
            }
            return pacs.retrieve(actor, study, typedPassword, progressOf(p, cancel));
        }, new TaskListener<>() {
            @Override
            public void succeeded(RetrievedStudy retrieved) {
                stopped();
                summary.set(summaryOf(study, retrieved));
                onRetrieved.run();
            }

            @Override
            public void failed(Throwable error) {
                stopped();
                message.set(UserMessages.of(error));
                onRetrieved.run();
            }

            @Override
            public void progressed(double fraction, String text) {
                progress.set(fraction);
                progressText.set(text);
            }
        });
    }

    private static String what(RemoteStudy study) {
        String description = study.description().isEmpty() ? "the study" : study.description();
        return description + " of " + study.patientName().displayName();
    }

    private static String summaryOf(RemoteStudy study, RetrievedStudy retrieved) {
        ImportSummary summary = retrieved.summary();
        if (summary.cancelled() && summary.indexed() == 0) {
            return "Retrieve of " + what(study) + " cancelled; nothing was kept.";
        }
        String where = retrieved.matched() ? " Attached to its request."
                : retrieved.unmatchedReason().isEmpty() ? "" : " Unmatched: " + retrieved.unmatchedReason();
        return "Retrieved " + what(study) + ": " + summary.headline() + "." + where;
    }

    private static RetrieveProgress progressOf(TaskProgress task, AtomicBoolean cancel) {
        return new RetrieveProgress() {
            @Override
            public void received(int instances, Integer expected) {
                task.report(expected == null || expected == 0 ? -1 : Math.min(1, (double) instances / expected),
                        instances + (expected == null ? "" : " of " + expected) + " images received");
            }

            @Override
            public void advanced(int filesDone, int filesTotal) {
                task.report(filesTotal == 0 ? 1 : (double) filesDone / filesTotal, "Indexing: " + filesDone + " of "
                        + filesTotal + " files");
            }

            @Override
            public boolean isCancelled() {
                return cancel.get() || task.isCancelled();
            }
        };
    }

    /**
     * Stops the running find at once (its late answer is dropped), or the retrieve at the next image:
     * images that arrived are not kept.
     */
    public void cancel() {
        if (!busy.get() || !cancellable.get()) {
            return;
        }
        cancelRequested.set(true);
        if (finding) {
            findNumber++;
            running.cancel();
            stopped();
            summary.set("Query cancelled.");
        } else {
            progressText.set("Cancelling…");
        }
    }

    private AtomicBoolean started(String text, boolean canCancel) {
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        busy.set(true);
        cancellable.set(canCancel);
        progress.set(-1);
        progressText.set(text);
        summary.set("");
        message.set("");
        return cancel;
    }

    private void stopped() {
        finding = false;
        busy.set(false);
        cancellable.set(false);
        progressText.set("");
        progress.set(0);
    }
}
