package org.lightbox.setup;

import java.nio.file.Path;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;

/**
 * The first-run assistant: what is typed, each refusal next to its field, and Finish, which hands
 * everything to one call ({@link Setup}) off the UI thread. Checking is the domain's
 * ({@link WorkstationSetup#check}); this only shows the answer.
 */
public final class SetupAssistantViewModel {
    private final Setup setup;
    private final TaskExecutor tasks;
    private final boolean folderChangeable;
    private final Runnable onFinished;
    private final Runnable onCancelled;

    private final StringProperty dataFolder = new SimpleStringProperty("");
    private final StringProperty aeTitle = new SimpleStringProperty(StorageScpSettings.DEFAULTS.aeTitle());
    private final StringProperty port = new SimpleStringProperty(Integer.toString(StorageScpSettings.DEFAULTS.port()));
    private final StringProperty centralStoreUrl = new SimpleStringProperty("");
    private final StringProperty applicationId = new SimpleStringProperty("");
    private final StringProperty institution = new SimpleStringProperty("");
    private final StringProperty adminUsername = new SimpleStringProperty("admin");
    private final StringProperty adminDisplayName = new SimpleStringProperty("Administrator");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordAgain = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * @param folder the data folder the window opened on; {@code folderChangeable} false when the command line named it
     * @param onFinished on the UI thread once the workstation is set up (the window shows the sign-in screen)
     * @param onCancelled the user gave up: nothing was created, the program ends
     */
    public SetupAssistantViewModel(Setup setup, TaskExecutor tasks, Path folder, boolean folderChangeable, Runnable onFinished,
            Runnable onCancelled) {
        this.setup = setup;
        this.tasks = tasks;
        this.folderChangeable = folderChangeable;
        this.onFinished = onFinished;
        this.onCancelled = onCancelled;
        dataFolder.set(folder.toString());
    }

    public StringProperty dataFolderProperty() { return dataFolder; }
    public StringProperty aeTitleProperty() { return aeTitle; }
    public StringProperty portProperty() { return port; }
    public StringProperty centralStoreUrlProperty() { return centralStoreUrl; }
    public StringProperty applicationIdProperty() { return applicationId; }
    public StringProperty institutionProperty() { return institution; }
    public StringProperty adminUsernameProperty() { return adminUsername; }
    public StringProperty adminDisplayNameProperty() { return adminDisplayName; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty passwordAgainProperty() { return passwordAgain; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Whether another folder may be chosen: not when {@code --data-dir} named it. */
    public boolean folderChangeable() {
        return folderChangeable;
    }

    /** What the folder field's note says. */
    public String folderNote() {
        return folderChangeable ? "Lightbox remembers this folder and opens it at the next start."
                : "Named on the command line (--data-dir).";
    }

    /** The refusal for one field ({@link SetupForm} names), empty when it is fine. */
    public StringBinding errorFor(String field) {
        return errors.errorFor(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void finish() {
        if (busy.get()) {
            return;
        }
        errors.clear();
        message.set("");
        SetupForm form = new SetupForm(dataFolder.get(), aeTitle.get(), port.get(), centralStoreUrl.get(), applicationId.get(),
                institution.get(), adminUsername.get(), adminDisplayName.get(), password.get().toCharArray(),
                passwordAgain.get().toCharArray());
        busy.set(true);
        message.set("Setting the workstation up…");
        tasks.submit(progress -> {
            setup.complete(form);
            return true;
        }, TaskListener.of(done -> {
            busy.set(false);
            message.set("");
            password.set("");
            passwordAgain.set("");
            onFinished.run();
        }, error -> {
            busy.set(false);
            message.set(errors.show(error));
        }));
    }

    public void cancel() {
        if (!busy.get()) {
            onCancelled.run();
        }
    }

    /** The one call Finish makes: open the chosen data folder and set the workstation up there. */
    @FunctionalInterface
    public interface Setup {
        void complete(SetupForm form);
    }
}
