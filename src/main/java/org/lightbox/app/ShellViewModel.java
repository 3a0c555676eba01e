package org.lightbox.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lightbox.auth.AuthSettings;
import org.lightbox.auth.IdleLock;
import org.lightbox.auth.LockScreenViewModel;
import org.lightbox.auth.SignInViewModel;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.IntakeFormViewModel;
import org.lightbox.request.RequestDetails;
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
    private final ReadOnlyLongWrapper changesWaiting = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Standalone: no central store configured");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final List<TaskHandle> sessionTimers = new ArrayList<>();
    private IdleLock idleLock;

    public ShellViewModel(Workstation workstation, TaskExecutor tasks) {
        this.workstation = workstation;
        this.tasks = tasks;
    }

    public ReadOnlyObjectProperty<Actor> actorProperty() { return actor.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RequestDetails> openedProperty() { return opened.getReadOnlyProperty(); }
    public ReadOnlyLongProperty changesWaitingProperty() { return changesWaiting.getReadOnlyProperty(); }
    public ReadOnlyStringProperty connectionProperty() { return connection.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public SignInViewModel signInViewModel() {
        return new SignInViewModel(workstation.authenticator(), tasks, this::signedIn);
    }

    public LockScreenViewModel lockScreenViewModel() {
        return new LockScreenViewModel(workstation.authenticator(), tasks, actor.get(), this::unlocked, this::signOut);
    }

    public WorklistViewModel worklistViewModel() {
        return new WorklistViewModel(workstation.worklist(), workstation.assignments(), tasks, workstation.clock(), actor.get(),
                this::open, this::refreshStatus);
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

    private void signedIn(Actor who) {
        AuthSettings settings = workstation.settings().read(AuthSettings.KEY, AuthSettings.class, AuthSettings.DEFAULTS);
        idleLock = new IdleLock(workstation.clock(), settings.idleLockAfter());
        locked.set(false);
        opened.set(null);
        actor.set(who);
        sessionTimers.add(tasks.every(IDLE_CHECK, this::lockIfIdle));
        sessionTimers.add(tasks.every(STATUS_POLL, this::refreshStatus));
        refreshStatus();
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
            workstation.authenticator().signOut(who);
            return true;
        }, TaskListener.of(ok -> { }, error -> message.set(UserMessages.of(error))));
    }

    /** The window is closing: sign out now, on this thread, so the audit event is written before the process ends. */
    public void close() {
        Actor who = actor.get();
        sessionTimers.forEach(TaskHandle::cancel);
        sessionTimers.clear();
        actor.set(null);
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

    public void refreshStatus() {
        tasks.submit(progress -> workstation.outbox().waiting(), TaskListener.of(changesWaiting::set,
                error -> message.set(UserMessages.of(error))));
    }
}
