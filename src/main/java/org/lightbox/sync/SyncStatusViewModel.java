package org.lightbox.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;

/**
 * The status bar's sync line: online or offline (and why), changes waiting and refused, the last
 * successful sync, conflicts to review, and "sync now". Events come from the sync thread and are
 * applied on the UI thread.
 */
public final class SyncStatusViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SyncService sync;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<StatAlert> onStat;
    private final BiConsumer<String, String> onSignInRevoked;
    private final SyncService.Listener listener;

    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper conflictsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper needsAttention = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSyncNow = new ReadOnlyBooleanWrapper(false);

    public SyncStatusViewModel(SyncService sync, TaskExecutor tasks, Clock clock, Consumer<StatAlert> onStat,
            BiConsumer<String, String> onSignInRevoked) {
        this.sync = sync;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = clock.getZone();
        this.onStat = onStat;
        this.onSignInRevoked = onSignInRevoked;
        this.listener = new SyncService.Listener() {
            @Override
            public void statusChanged(SyncStatus s) {
                tasks.onUiThread(() -> show(s));
            }

            @Override
            public void statAlert(StatAlert alert) {
                tasks.onUiThread(() -> onStat.accept(alert));
            }

            @Override
            public void signInRevoked(String username, String reason) {
                tasks.onUiThread(() -> onSignInRevoked.accept(username, reason));
            }
        };
        sync.addListener(listener);
        show(sync.status());
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionTextProperty() { return connectionText.getReadOnlyProperty(); }
    /** The full reason behind an offline or refused state, for a tooltip. */
    public ReadOnlyStringProperty problemTextProperty() { return problemText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty waitingTextProperty() { return waitingText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastSyncTextProperty() { return lastSyncText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty conflictsTextProperty() { return conflictsText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty onlineProperty() { return online.getReadOnlyProperty(); }
    /** Offline, refused changes, or conflicts to review: the status bar shows it in the warning colour. */
    public ReadOnlyBooleanProperty needsAttentionProperty() { return needsAttention.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canSyncNowProperty() { return canSyncNow.getReadOnlyProperty(); }

    /** "Sync now": a cycle at once, whatever the back-off would have waited. */
    public void syncNow() {
        if (canSyncNow.get()) {
            sync.syncNow();
        }
    }

    /** Re-counts the outbox (after a local change) without talking to the server. */
    public void refresh() {
        tasks.submit(progress -> {
            sync.refreshCounts();
            return sync.status();
        }, TaskListener.of(this::show, error -> { }));
    }

    private void show(SyncStatus s) {
        String text = s.connection().label();
        if (s.nextAttempt() != null) {
            // A time, not a countdown: the line changes only when the sync reports.
            text += ", next try " + when(s.nextAttempt());
        }
        connectionText.set(text);
        problemText.set(s.problem() == null ? "" : s.problem());
        long waiting = s.waiting();
        waitingText.set((waiting == 0 ? "Nothing waiting to sync" : waiting + (waiting == 1 ? " change" : " changes") + " waiting")
                + (s.refused() > 0 ? ", " + s.refused() + " refused" : ""));
        lastSyncText.set(s.lastSuccess() == null ? "Never synced" : "Last sync " + when(s.lastSuccess()));
        String conflicts = s.conflicts() == 0 ? "" : s.conflicts() + (s.conflicts() == 1 ? " conflict" : " conflicts") + " to review";
        String parked = s.parked() == 0 ? "" : s.parked() + (s.parked() == 1 ? " change" : " changes") + " received, not applied yet";
        conflictsText.set(conflicts.isEmpty() || parked.isEmpty() ? conflicts + parked : conflicts + ", " + parked);
        online.set(s.connection().isOnline());
        needsAttention.set(s.refused() > 0 || s.conflicts() > 0 || s.parked() > 0 || !s.connection().isOnline()
                && s.connection() != SyncStatus.Connection.STANDALONE);
        canSyncNow.set(s.connection() != SyncStatus.Connection.STANDALONE && s.connection() != SyncStatus.Connection.NOT_SIGNED_IN
                && s.connection() != SyncStatus.Connection.SESSION_EXPIRED);
        // Last: whoever listens to the status finds the texts already matching it.
        status.set(s);
    }

    private String when(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    public void dispose() {
        sync.removeListener(listener);
    }
}
