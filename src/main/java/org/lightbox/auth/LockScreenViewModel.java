package org.lightbox.auth;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** The locked workstation: only the signed-in user's password opens it again; anyone may sign that user out. */
public final class LockScreenViewModel {
    private final Unlock authenticator;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Runnable onUnlocked;
    private final Runnable onSignOut;

    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canUnlock;

    public LockScreenViewModel(Unlock authenticator, TaskExecutor tasks, Actor actor, Runnable onUnlocked,
            Runnable onSignOut) {
        this.authenticator = authenticator;
        this.tasks = tasks;
        this.actor = actor;
        this.onUnlocked = onUnlocked;
        this.onSignOut = onSignOut;
        this.canUnlock = Bindings.createBooleanBinding(() -> !password.get().isEmpty() && !busy.get(), password, busy);
    }

    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding canUnlockProperty() { return canUnlock; }

    public String lockedFor() {
        return "Locked: " + actor.displayName() + " (" + actor.rolesText() + ")";
    }

    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        tasks.submit(progress -> {
            authenticator.unlock(actor, secret);
            return true;
        }, TaskListener.of(ok -> {
            busy.set(false);
            message.set("");
            onUnlocked.run();
        }, error -> {
            busy.set(false);
            message.set(UserMessages.of(error));
        }));
    }

    public void signOut() {
        onSignOut.run();
    }
}
