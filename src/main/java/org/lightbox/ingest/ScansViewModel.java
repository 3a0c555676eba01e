package org.lightbox.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.ingest.pacs.PacsQueryRetrieve;
import org.lightbox.ingest.pacs.PacsViewModel;
import org.lightbox.store.SettingsStore;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.TaskProgress;
import org.lightbox.ui.UserMessages;

/**
 * The technologist's Scans screen: import from media or a folder with progress and Cancel, the
 * summary of the last run, the unmatched queue, the quarantine, query/retrieve from the PACS and the
 * Storage SCP switch.
 */
public final class ScansViewModel {
    private static final int QUARANTINE_SHOWN = 200;

    private final DicomImporter importer;
    private final UnmatchedStudies unmatchedStudies;
    private final Quarantine quarantine;
    private final StorageScpService storageScp;
    private final SettingsStore settings;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Runnable onChanged;
    private final Consumer<ImportSummary> scpDelivered;
    private final Consumer<String> scpFailed;
    private final PacsViewModel pacs;

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<Rejection> rejected = FXCollections.observableArrayList();
    private final ObservableList<IndexedStudy> unmatched = FXCollections.observableArrayList();
    private final ObservableList<QuarantinedFile> quarantined = FXCollections.observableArrayList();
    private final ObjectProperty<IndexedStudy> selectedUnmatched = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper scpRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper scpStatus = new ReadOnlyStringWrapper("Off");
    private final StringProperty scpAeTitle = new SimpleStringProperty();
    private final StringProperty scpPort = new SimpleStringProperty();
    private final BooleanBinding canLink;
    private AtomicBoolean cancelRequested = new AtomicBoolean();

    public ScansViewModel(DicomImporter importer, UnmatchedStudies unmatchedStudies, Quarantine quarantine,
            StorageScpService storageScp, SettingsStore settings, PacsQueryRetrieve pacsQueryRetrieve, TaskExecutor tasks,
            Actor actor, Runnable onChanged) {
        this.importer = importer;
        this.unmatchedStudies = unmatchedStudies;
        this.quarantine = quarantine;
        this.storageScp = storageScp;
        this.settings = settings;
        this.tasks = tasks;
        this.actor = actor;
        this.onChanged = onChanged;
        // The saved AE title and port come from SQLite: read off the UI thread, and never over what was typed meanwhile.
        tasks.submit(p -> settings.read(StorageScpSettings.KEY, StorageScpSettings.class, StorageScpSettings.DEFAULTS),
                TaskListener.of(scp -> {
                    if (scpAeTitle.get() == null) {
                        scpAeTitle.set(scp.aeTitle());
                    }
                    if (scpPort.get() == null) {
                        scpPort.set(Integer.toString(scp.port()));
                    }
                }, error -> message.set(UserMessages.of(error))));
        scpRunning.set(storageScp.isRunning());
        scpStatus.set(storageScp.isRunning() ? "Listening" : "Off");
        canLink = Bindings.createBooleanBinding(() -> selectedUnmatched.get() != null && !importing.get(),
                selectedUnmatched, importing);
        scpDelivered = delivered -> tasks.onUiThread(() -> {
            summary.set("Received: " + delivered.headline());
            refresh();
            onChanged.run();
        });
        storageScp.onImported(scpDelivered);
        scpFailed = failure -> tasks.onUiThread(() -> message.set(failure));
        storageScp.onFailure(scpFailed);
        pacs = new PacsViewModel(pacsQueryRetrieve, tasks, actor, () -> {
            refresh();
            onChanged.run();
        });
    }

    public ReadOnlyBooleanProperty importingProperty() { return importing.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ObservableList<Rejection> rejected() { return FXCollections.unmodifiableObservableList(rejected); }
    public ObservableList<IndexedStudy> unmatched() { return FXCollections.unmodifiableObservableList(unmatched); }
    public ObservableList<QuarantinedFile> quarantined() { return FXCollections.unmodifiableObservableList(quarantined); }
    public ObjectProperty<IndexedStudy> selectedUnmatchedProperty() { return selectedUnmatched; }
    public BooleanBinding canLinkProperty() { return canLink; }
    public ReadOnlyBooleanProperty scpRunningProperty() { return scpRunning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scpStatusProperty() { return scpStatus.getReadOnlyProperty(); }
    public StringProperty scpAeTitleProperty() { return scpAeTitle; }
    public StringProperty scpPortProperty() { return scpPort; }
    /** The PACS tab: find on the PACS and retrieve. */
    public PacsViewModel pacs() { return pacs; }

    public boolean mayRegisterScans() {
        return actor.can(Permission.REGISTER_SCAN);
    }

    /**
     * Reloads the unmatched queue and the quarantine. The selection is the View's (its table binds
     * {@link #selectedUnmatchedProperty()}), so it follows the new rows there and is not set here.
     */
    public void refresh() {
        tasks.submit(p -> new Queues(unmatchedStudies.queue(), quarantine.recent(QUARANTINE_SHOWN)), TaskListener.of(q -> {
            unmatched.setAll(q.unmatched());
            quarantined.setAll(q.quarantined());
        }, error -> message.set(UserMessages.of(error))));
    }

    private record Queues(List<IndexedStudy> unmatched, List<QuarantinedFile> quarantined) {
    }

    /** Imports files, folders and DICOMDIRs in the background; the summary replaces the progress at the end. */
    public void importPaths(List<Path> paths) {
        if (paths.isEmpty() || importing.get()) {
            return;
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        importing.set(true);
        progress.set(-1);
        progressText.set("Looking for images…");
        summary.set("");
        message.set("");
        rejected.clear();
        String source = paths.size() == 1 ? paths.get(0).toString() : paths.size() + " items";
        tasks.submit(p -> importer.importPaths(actor, paths, IngestOrigin.IMPORT, source, progressOf(p, cancel)),
                new TaskListener<>() {
                    @Override
                    public void succeeded(ImportSummary result) {
                        finished(result);
                    }

                    @Override
                    public void failed(Throwable error) {
                        importing.set(false);
                        progressText.set("");
                        message.set(UserMessages.of(error));
                        refresh();
                    }

                    @Override
                    public void progressed(double fraction, String text) {
                        progress.set(fraction);
                        progressText.set(text);
                    }
                });
    }

    private static ImportProgress progressOf(TaskProgress task, AtomicBoolean cancel) {
        return new ImportProgress() {
            private int shownStep = -1;

            /** Every file of a small import moves the bar; a large one reports each 0.5 %, not to flood the UI thread. */
            @Override
            public void advanced(int filesDone, int filesTotal) {
                int step = (int) (200L * filesDone / Math.max(1, filesTotal));
                if (step != shownStep || filesDone == filesTotal) {
                    shownStep = step;
                    task.report(filesTotal == 0 ? 1 : (double) filesDone / filesTotal, filesDone + " of " + filesTotal
                            + " files");
                }
            }

            @Override
            public boolean isCancelled() {
                return cancel.get() || task.isCancelled();
            }
        };
    }

    /**
     * Stops the import at the next file: the batch being read is dropped, earlier batches stay indexed
     * but their new studies are not registered (they wait in the unmatched queue until imported again),
     * and the summary says so.
     */
    public void cancel() {
        cancelRequested.set(true);
        progressText.set("Cancelling…");
    }

    private void finished(ImportSummary result) {
        importing.set(false);
        progress.set(1);
        progressText.set("");
        summary.set(result.headline());
        rejected.setAll(result.rejected());
        refresh();
        onChanged.run();
    }

    /** The dialog's model for linking the selected unmatched study. */
    public LinkStudyViewModel linkSelected(Runnable onLinked) {
        IndexedStudy study = selectedUnmatched.get();
        if (study == null) {
            throw new IllegalStateException("no unmatched study selected");
        }
        return new LinkStudyViewModel(unmatchedStudies, tasks, actor, study, linked -> {
            summary.set("Linked study " + linked.description() + " to its request.");
            refresh();
            onChanged.run();
            onLinked.run();
        });
    }

    /** Turns the Storage SCP on with the AE title and port shown (saved for next time), or off. */
    public void setScpRunning(boolean on) {
        if (on == storageScp.isRunning()) {
            scpRunning.set(on);
            return;
        }
        message.set("");
        if (!on) {
            tasks.submit(p -> {
                storageScp.stop(actor);
                return true;
            }, TaskListener.of(ok -> scpStopped(), error -> message.set(UserMessages.of(error))));
            return;
        }
        int port;
        try {
            port = Integer.parseInt(scpPort.get() == null ? "" : scpPort.get().strip());
        } catch (NumberFormatException e) {
            message.set("The port is a number between 1 and 65535");
            scpRunning.set(false);
            return;
        }
        String aeTitle = scpAeTitle.get() == null ? "" : scpAeTitle.get().strip();
        tasks.submit(p -> {
            storageScp.start(actor, aeTitle, port);
            settings.write(StorageScpSettings.KEY, new StorageScpSettings(aeTitle, port));
            return true;
        }, TaskListener.of(ok -> {
            scpRunning.set(true);
            scpStatus.set("Listening as " + aeTitle + " on port " + port);
        }, error -> {
            scpStopped();
            message.set(UserMessages.of(error));
        }));
    }

    private void scpStopped() {
        scpRunning.set(false);
        scpStatus.set("Off");
    }

    public void dispose() {
        storageScp.removeListener(scpDelivered);
        storageScp.removeFailureListener(scpFailed);
    }
}
