package org.lightbox.settings;

import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** One setting typed in minutes (auto-lock, reading-lock idle time): what is stored, Save and Cancel. */
public final class MinutesSettingViewModel {
    private final TaskExecutor tasks;
    private final IntSupplier stored;
    private final Function<String, Integer> save;
    private final IntFunction<String> savedMessage;
    private final String field;
    private final StringProperty minutes = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /**
     * @param field        the domain's name for the field, as its refusals name it
     * @param stored       reads the stored minutes (off the UI thread)
     * @param save         saves the typed text as the acting user, returning the minutes stored
     * @param savedMessage says where the saved value takes effect
     */
    public MinutesSettingViewModel(TaskExecutor tasks, String field, IntSupplier stored, Function<String, Integer> save,
            IntFunction<String> savedMessage) {
        this.tasks = tasks;
        this.field = field;
        this.stored = stored;
        this.save = save;
        this.savedMessage = savedMessage;
        cancel();
    }

    public StringProperty minutesProperty() { return minutes; }
    public FieldErrors errors() { return errors; }
    public String field() { return field; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public void cancel() {
        tasks.submit(progress -> stored.getAsInt(), TaskListener.of(value -> {
            errors.clear();
            message.set("");
            minutes.set(Integer.toString(value));
        }, error -> message.set(UserMessages.of(error))));
    }

    public void save() {
        errors.clear();
        message.set("");
        String typed = minutes.get();
        tasks.submit(progress -> save.apply(typed), TaskListener.of(value -> {
            minutes.set(Integer.toString(value));
            message.set(savedMessage.apply(value));
        }, error -> message.set(errors.show(error))));
    }
}
