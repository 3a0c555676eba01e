package org.lightbox.worklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Role;
import org.lightbox.ui.BackgroundTask;
import org.lightbox.ui.StartupTimes;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The worklist pane's state: filters, the rows they leave, the selection and the commands on it.
 * The snapshot is loaded off the UI thread and reloaded when the store changes; filtering is in memory.
 */
public final class WorklistViewModel {
    private static final Duration CLOCK_TICK = Duration.ofSeconds(15);
    private static final Duration CHANGE_POLL = Duration.ofSeconds(2);

    private final WorklistRepository repository;
    private final Assignments assignments;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Actor actor;
    private final Consumer<WorklistEntry> onOpen;
    private final Runnable onChanged;
    private final WorklistQuery query;

    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty mine = new SimpleBooleanProperty(false);
    private final BooleanProperty unassigned = new SimpleBooleanProperty(false);
    private final ObjectProperty<ModalityType> modality = new SimpleObjectProperty<>();
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    private final ObservableList<WorklistEntry> rows = FXCollections.observableArrayList();
    private final ObservableList<WorklistEntry> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<WorklistEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canAssignToMe;
    private final BooleanBinding canRelease;

    private WorklistSnapshot snapshot = WorklistSnapshot.EMPTY;
    private long lastChangeStamp = Long.MIN_VALUE;
    private final List<TaskHandle> timers;

    public WorklistViewModel(WorklistRepository repository, Assignments assignments, TaskExecutor tasks, Clock clock,
            Actor actor, Consumer<WorklistEntry> onOpen, Runnable onChanged) {
        this.repository = repository;
        this.assignments = assignments;
        this.tasks = tasks;
        this.clock = clock;
        this.actor = actor;
        this.onOpen = onOpen;
        this.onChanged = onChanged;
        this.query = new WorklistQuery(clock.getZone());
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        status.set(defaultStatusFor(actor));

        Observable[] filters = {search, mine, unassigned, modality, status, from, to};
        for (Observable filter : filters) {
            filter.addListener(o -> applyFilter());
        }
        canAssignToMe = Bindings.createBooleanBinding(() -> {
            WorklistEntry e = selected.get();
            return e != null && actor.can(Permission.TAKE_ASSIGNMENT) && e.status().awaitsReading() && e.assigneeId() == null;
        }, selected);
        canRelease = Bindings.createBooleanBinding(() -> {
            WorklistEntry e = selected.get();
            return e != null && e.assigneeId() != null
                    && (e.assigneeId().equals(actor.userId()) || actor.can(Permission.ASSIGN_OTHERS));
        }, selected);
        timers = List.of(tasks.every(CLOCK_TICK, () -> now.set(clock.instant())), tasks.every(CHANGE_POLL, this::reloadIfChanged));
    }

    /** Radiologists start on what is waiting to be read; everyone else on all open requests. */
    private static StatusFilter defaultStatusFor(Actor actor) {
        if (!actor.can(Permission.VIEW_WORKLIST)) {
            return StatusFilter.RELEASED;
        }
        return actor.has(Role.RADIOLOGIST) && !actor.has(Role.ADMIN) ? StatusFilter.TO_READ : StatusFilter.OPEN;
    }

    public StringProperty searchProperty() { return search; }
    public BooleanProperty mineProperty() { return mine; }
    public BooleanProperty unassignedProperty() { return unassigned; }
    public ObjectProperty<ModalityType> modalityProperty() { return modality; }
    public ObjectProperty<StatusFilter> statusProperty() { return status; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObservableList<WorklistEntry> rows() { return readOnlyRows; }
    public ObjectProperty<WorklistEntry> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding canAssignToMeProperty() { return canAssignToMe; }
    public BooleanBinding canReleaseProperty() { return canRelease; }
    public boolean canCreateRequests() { return actor.can(Permission.REGISTER_REQUEST); }

    /** Reloads the snapshot from the store, off the UI thread. */
    public void refresh() {
        tasks.submit(progress -> {
            long stamp = repository.changeStamp();
            return new Loaded(stamp, repository.snapshot());
        }, TaskListener.of(loaded -> {
            boolean first = lastChangeStamp == Long.MIN_VALUE;
            lastChangeStamp = loaded.stamp();
            snapshot = loaded.snapshot();
            now.set(clock.instant());
            applyFilter();
            if (first) {
                StartupTimes.reached("worklist shown (" + snapshot.size() + " requests)");
            }
        }, error -> message.set(UserMessages.of(error))));
    }

    private void reloadIfChanged() {
        tasks.submit(progress -> repository.changeStamp(), TaskListener.of(stamp -> {
            if (stamp != lastChangeStamp) {
                refresh();
            }
        }, error -> message.set(UserMessages.of(error))));
    }

    private void applyFilter() {
        String keep = selected.get() == null ? null : selected.get().requestId();
        List<WorklistEntry> result = query.run(snapshot, currentFilter(), actor);
        rows.setAll(result);
        selected.set(keep == null ? null : result.stream().filter(e -> e.requestId().equals(keep)).findFirst().orElse(null));
        summary.set(result.size() + (result.size() == 1 ? " request" : " requests")
                + (result.size() == snapshot.size() ? "" : " of " + snapshot.size()));
    }

    WorklistFilter currentFilter() {
        return new WorklistFilter(mine.get(), unassigned.get(), modality.get(), status.get(), from.get(), to.get(), search.get());
    }

    public void clearFilters() {
        search.set("");
        mine.set(false);
        unassigned.set(false);
        modality.set(null);
        from.set(null);
        to.set(null);
        status.set(defaultStatusFor(actor));
    }

    public void open() {
        WorklistEntry entry = selected.get();
        if (entry != null) {
            onOpen.accept(entry);
        }
    }

    public void assignToMe() {
        if (canAssignToMe.get()) {
            String requestId = selected.get().requestId();
            act(progress -> assignments.assignToMe(actor, requestId));
        }
    }

    public void release() {
        if (canRelease.get()) {
            String requestId = selected.get().requestId();
            act(progress -> assignments.release(actor, requestId));
        }
    }

    private void act(BackgroundTask<?> action) {
        message.set("");
        tasks.submit(action, TaskListener.of(done -> {
            refresh();
            onChanged.run();
        }, error -> message.set(UserMessages.of(error))));
    }

    public void dispose() {
        timers.forEach(TaskHandle::cancel);
    }

    private record Loaded(long stamp, WorklistSnapshot snapshot) {
    }
}
