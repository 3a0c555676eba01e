package org.lightbox.auth;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;

/** "Change my password": the current one, the new one twice; the domain names what is wrong with each. */
public final class ChangePasswordViewModel {
    public static final String CURRENT = "currentPassword";
    public static final String NEW = "newPassword";
    public static final String CONFIRM = "confirmPassword";

    private final UserDirectory users;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Runnable onChanged;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ChangePasswordViewModel(UserDirectory users, TaskExecutor tasks, Actor actor, Runnable onChanged) {
        this.users = users;
        this.tasks = tasks;
        this.actor = actor;
        this.onChanged = onChanged;
    }

    public StringProperty currentProperty() { return current; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty confirmationProperty() { return confirmation; }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public String username() { return actor.username(); }

    public void submit() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        message.set("");
        char[] c = current.get().toCharArray();
        char[] p = password.get().toCharArray();
        char[] r = confirmation.get().toCharArray();
        busy.set(true);
        tasks.submit(progress -> {
            users.changeOwnPassword(actor, c, p, r);
            return true;
        }, TaskListener.of(ok -> {
            busy.set(false);
            current.set("");
            password.set("");
            confirmation.set("");
            message.set("Password changed: use the new one from now on.");
            onChanged.run();
        }, error -> {
            busy.set(false);
            message.set(errors.show(error));
        }));
    }
}
