package org.lightbox.sync;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The sync panel: every change still waiting for the central store or refused by it (with the
 * server's error), every conflict the sync settled, for the user to read and acknowledge, and every
 * change received from the central store that could not be applied here yet, with the reason.
 */
public final class SyncPanelViewModel {
    private static final int SHOWN = 500;

    private final SyncService sync;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ObservableList<OutboxItem> items = FXCollections.observableArrayList();
    private final ObservableList<SyncConflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<ParkedChange> parked = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final SyncService.Listener listener;

    public SyncPanelViewModel(SyncService sync, TaskExecutor tasks, Actor actor) {
        this.sync = sync;
        this.tasks = tasks;
        this.actor = actor;
        // Each report of the sync (a cycle ended, the server went away) may have changed the lists.
        this.listener = status -> tasks.onUiThread(this::refresh);
        sync.addListener(listener);
    }

    public void dispose() {
        sync.removeListener(listener);
    }

    public ObservableList<OutboxItem> items() { return items; }
    public ObservableList<SyncConflict> conflicts() { return conflicts; }
    public ObservableList<ParkedChange> parked() { return parked; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void refresh() {
        tasks.submit(progress -> new Contents(sync.pending().listed(SHOWN), sync.conflicts().unacknowledged(),
                sync.parked().all(), sync.pending().waiting(), sync.pending().refused()), TaskListener.of(this::show,
                error -> message.set(UserMessages.of(error))));
    }

    /** Whether the person at the panel may put refused changes back in the queue (the button follows it). */
    public boolean canRetryRefused() {
        return actor.can(Permission.RETRY_REFUSED_CHANGES);
    }

    /** Puts every refused change back in the queue and syncs. */
    public void retryRefused() {
        tasks.submit(progress -> {
            int retried = sync.pending().retryRefused(actor);
            sync.syncNow();
            return retried;
        }, TaskListener.of(n -> {
            message.set(n == 0 ? "No refused changes to retry" : n + (n == 1 ? " change" : " changes") + " queued again");
            refresh();
        }, error -> message.set(UserMessages.of(error))));
    }

    public void acknowledge(SyncConflict conflict) {
        if (conflict == null) {
            return;
        }
        tasks.submit(progress -> {
            sync.conflicts().acknowledge(actor, conflict.id());
            sync.refreshCounts();
            return true;
        }, TaskListener.of(ok -> refresh(), error -> message.set(UserMessages.of(error))));
    }

    public void syncNow() {
        sync.syncNow();
        message.set("");
    }

    private void show(Contents c) {
        items.setAll(c.items());
        conflicts.setAll(c.conflicts());
        parked.setAll(c.parked());
        summary.set(c.waiting() + " waiting, " + c.refused() + " refused, " + c.conflicts().size() + " conflicts to review, "
                + c.parked().size() + " received but not applied yet"
                + (c.items().size() >= SHOWN ? " (the oldest " + SHOWN + " changes are listed)" : ""));
    }

    private record Contents(List<OutboxItem> items, List<SyncConflict> conflicts, List<ParkedChange> parked, long waiting,
            long refused) {
    }
}
