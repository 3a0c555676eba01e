package org.lightbox.auth;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ui.StartupTimes;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** The sign-in screen: username and password in, a signed-in actor (or a calm refusal) out. */
public final class SignInViewModel {
    private final SignIn authenticator;
    private final TaskExecutor tasks;
    private final Consumer<Actor> onSignedIn;

    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSignIn;

    public SignInViewModel(SignIn authenticator, TaskExecutor tasks, Consumer<Actor> onSignedIn) {
        this.authenticator = authenticator;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
        this.canSignIn = Bindings.createBooleanBinding(
                () -> !username.get().isBlank() && !password.get().isEmpty() && !busy.get(), username, password, busy);
        tasks.submit(progress -> {
            authenticator.warmUp();
            return Boolean.TRUE;
        }, TaskListener.of(done -> { }, error -> { }));
    }

    public StringProperty usernameProperty() { return username; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanBinding canSignInProperty() { return canSignIn; }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String user = username.get().strip();
        char[] secret = password.get().toCharArray();
        password.set("");
        busy.set(true);
        message.set("");
        StartupTimes.reached("sign-in sent");
        tasks.submit(progress -> authenticator.signIn(user, secret), TaskListener.of(actor -> {
            busy.set(false);
            onSignedIn.accept(actor);
        }, error -> {
            busy.set(false);
            message.set(UserMessages.of(error));
        }));
    }
}
