package org.lightbox.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lightbox.auth.AuthSettings;
import org.lightbox.auth.ChangePasswordViewModel;
import org.lightbox.auth.IdleLock;
import org.lightbox.auth.LockScreenViewModel;
import org.lightbox.auth.SignInViewModel;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.ingest.ScansViewModel;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.IntakeFormViewModel;
import org.lightbox.request.RequestDetails;
import org.lightbox.report.MacroListViewModel;
import org.lightbox.report.ReportEditorViewModel;
import org.lightbox.settings.SettingsViewModel;
import org.lightbox.sync.StatAlert;
import org.lightbox.sync.SyncPanelViewModel;
import org.lightbox.sync.SyncStatus;
import org.lightbox.sync.SyncStatusViewModel;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;
import org.lightbox.viewer.ViewerViewModel;
import org.lightbox.worklist.WorklistEntry;
import org.lightbox.worklist.WorklistViewModel;

/**
 * The window's state: who is signed in, whether the workstation is locked, what is open, and the
 * status bar. It builds the panes' ViewModels for the signed-in user.
 */
public final class ShellViewModel {
    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);
    private static final Duration STATUS_POLL = Duration.ofSeconds(5);

    private final Workstation workstation;
    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<Actor> actor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RequestDetails> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatAlert> statAlert = new ReadOnlyObjectWrapper<>();
    private final SyncStatusViewModel syncStatus;
    private final List<TaskHandle> sessionTimers = new ArrayList<>();
    private IdleLock idleLock;
    private ReportEditorViewModel reportEditor;

    public ShellViewModel(Workstation workstation, TaskExecutor tasks) {
        this.workstation = workstation;
        this.tasks = tasks;
        this.syncStatus = new SyncStatusViewModel(workstation.sync(), tasks, workstation.clock(), statAlert::set,
                this::signInRevoked);
        syncStatus.statusProperty().addListener((o, old, now) -> {
            if (now != null && now.connection() == SyncStatus.Connection.SESSION_EXPIRED
                    && (old == null || old.connection() != SyncStatus.Connection.SESSION_EXPIRED)) {
                // Unlocking asks for the password, which renews the session on the central store.
                lock("the session on the central store expired: unlock to resume sync");
            }
        });
    }

    public ReadOnlyObjectProperty<Actor> actorProperty() { return actor.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RequestDetails> openedProperty() { return opened.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The latest STAT that reached the worklist from elsewhere; the window turns it into a desktop notification. */
    public ReadOnlyObjectProperty<StatAlert> statAlertProperty() { return statAlert.getReadOnlyProperty(); }
    /** The status bar's sync line and "sync now". */
    public SyncStatusViewModel syncStatus() { return syncStatus; }

    /** Sign-in against the central store when one is configured (offline: the cached verifier), else locally. */
    public SignInViewModel signInViewModel() {
        return new SignInViewModel(workstation.signIn(), tasks, this::signedIn);
    }

    public SyncPanelViewModel syncPanelViewModel() {
        return new SyncPanelViewModel(workstation.sync(), tasks, actor.get());
    }

    public LockScreenViewModel lockScreenViewModel() {
        return new LockScreenViewModel(workstation.signIn(), tasks, actor.get(), this::unlocked, this::signOut);
    }

    public WorklistViewModel worklistViewModel() {
        return new WorklistViewModel(workstation.worklist(), workstation.assignments(), tasks, workstation.clock(), actor.get(),
                this::open, this::refreshStatus);
    }

    /** Technologists (and admins) get the Scans screen beside the worklist. */
    public boolean canRegisterScans() {
        Actor who = actor.get();
        return who != null && who.can(Permission.REGISTER_SCAN);
    }

    public ScansViewModel scansViewModel() {
        return new ScansViewModel(workstation.importer(), workstation.unmatchedStudies(), workstation.quarantine(),
                workstation.storageScp(), workstation.settings(), workstation.pacs(), tasks, actor.get(), this::refreshStatus);
    }

    /** The image viewer for the signed-in user; the shell passes it each opened request. */
    public ViewerViewModel viewerViewModel(ZoneId zone) {
        return new ViewerViewModel(workstation.viewer(), tasks, actor.get(), zone);
    }

    public IntakeFormViewModel intakeFormViewModel(Consumer<ImagingRequest> onCreated) {
        return new IntakeFormViewModel(workstation.intake(), workstation.patients(), workstation.facilities(),
                workstation.accessionNumbers(), tasks, actor.get(), request -> {
                    refreshStatus();
                    onCreated.accept(request);
                });
    }

    /** The report pane for the signed-in user; it opens the report of whatever the worklist opens. */
    public ReportEditorViewModel reportEditorViewModel() {
        reportEditor = new ReportEditorViewModel(workstation.reporting(), workstation.templates(), workstation.macros(),
                workstation.readingLocks(), workstation.reportDocuments(), tasks, workstation.clock(), actor.get());
        return reportEditor;
    }

    public MacroListViewModel macroListViewModel(Runnable onChanged) {
        return new MacroListViewModel(workstation.macros(), tasks, actor.get(), onChanged);
    }

    /** Administrators get the Settings dialog (Ctrl+,); its services refuse anyone else whatever the window shows. */
    public boolean canOpenSettings() {
        return SettingsViewModel.mayOpen(actor.get());
    }

    public SettingsViewModel settingsViewModel(Runnable macrosChanged) {
        return new SettingsViewModel(workstation.settingsEditor(), workstation.users(), workstation.facilities(),
                workstation.templates(), workstation.macros(), tasks, actor.get(), this::autoLockChanged, macrosChanged);
    }

    /** "Change my password", for everyone signed in. */
    public ChangePasswordViewModel changePasswordViewModel() {
        return new ChangePasswordViewModel(workstation.users(), tasks, actor.get(), () -> { });
    }

    /** A new auto-lock time from Settings: the open session locks by it from its next idle check. */
    private void autoLockChanged(Duration after) {
        IdleLock lock = idleLock;
        if (lock != null) {
            lock.changeAfter(after);
        }
    }

    private void signedIn(Actor who) {
        // Locks after the default time until the configured one is read (off the UI thread, like all store reads).
        idleLock = new IdleLock(workstation.clock(), AuthSettings.DEFAULTS.idleLockAfter());
        tasks.submit(progress -> workstation.settings().read(AuthSettings.KEY, AuthSettings.class, AuthSettings.DEFAULTS),
                TaskListener.of(settings -> {
                    if (actor.get() == who) {
                        idleLock = new IdleLock(workstation.clock(), settings.idleLockAfter());
                    }
                }, error -> message.set(UserMessages.of(error))));
        locked.set(false);
        opened.set(null);
        actor.set(who);
        sessionTimers.add(tasks.every(IDLE_CHECK, this::lockIfIdle));
        sessionTimers.add(tasks.every(STATUS_POLL, this::refreshStatus));
        workstation.sync().start();
        refreshStatus();
    }

    /** The central store no longer accepts the password this session was opened with offline. */
    private void signInRevoked(String username, String reason) {
        Actor who = actor.get();
        if (who != null && who.username().equalsIgnoreCase(username)) {
            signOut();
            message.set(reason + ". Sign in with your current password.");
        }
    }

    /** Any key or mouse input in the window. */
    public void activity() {
        workstation.userActivity().touched();
        if (idleLock != null && !locked.get()) {
            idleLock.activity();
        }
    }

    private void lockIfIdle() {
        if (actor.get() != null && !locked.get() && idleLock.isDue()) {
            lock("idle for " + idleLock.after().toMinutes() + " min");
        }
    }

    /** Locks now (the user pressed Ctrl+L, or the idle time passed). */
    public void lock(String why) {
        Actor who = actor.get();
        if (who == null || locked.get()) {
            return;
        }
        locked.set(true);
        tasks.submit(progress -> {
            workstation.authenticator().recordLocked(who, why);
            return true;
        }, TaskListener.of(ok -> { }, error -> message.set(UserMessages.of(error))));
    }

    private void unlocked() {
        idleLock.activity();
        locked.set(false);
    }

    public void signOut() {
        Actor who = actor.get();
        if (who == null) {
            return;
        }
        sessionTimers.forEach(TaskHandle::cancel);
        sessionTimers.clear();
        opened.set(null);
        locked.set(false);
        actor.set(null);
        tasks.submit(progress -> {
            workstation.sync().signedOut();
            workstation.authenticator().signOut(who);
            return true;
        }, TaskListener.of(ok -> { }, error -> message.set(UserMessages.of(error))));
    }

    /** The window is closing: sign out now, on this thread, so the audit event is written before the process ends. */
    public void close() {
        if (reportEditor != null) {
            reportEditor.closeNow();
        }
        Actor who = actor.get();
        sessionTimers.forEach(TaskHandle::cancel);
        sessionTimers.clear();
        actor.set(null);
        syncStatus.dispose();
        if (who != null) {
            workstation.authenticator().signOut(who);
        }
    }

    private void open(WorklistEntry entry) {
        Actor who = actor.get();
        tasks.submit(progress -> workstation.requests().open(who, entry.requestId()), TaskListener.of(details -> {
            message.set("");
            opened.set(details);
        }, error -> message.set(UserMessages.of(error))));
    }

    /** Re-counts what waits for the central store (after a local change); the sync itself runs on its own. */
    public void refreshStatus() {
        syncStatus.refresh();
    }
}
