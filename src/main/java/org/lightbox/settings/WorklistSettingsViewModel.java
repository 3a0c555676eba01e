package org.lightbox.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;
import org.lightbox.worklist.DueTimeRules;

/** The Worklist tab: how long each priority may wait for its report, in minutes. */
public final class WorklistSettingsViewModel {
    private final SettingsEditor editor;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final StringProperty stat = new SimpleStringProperty("");
    private final StringProperty urgent = new SimpleStringProperty("");
    private final StringProperty routine = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public WorklistSettingsViewModel(SettingsEditor editor, TaskExecutor tasks, Actor actor) {
        this.editor = editor;
        this.tasks = tasks;
        this.actor = actor;
        cancel();
    }

    public StringProperty statProperty() { return stat; }
    public StringProperty urgentProperty() { return urgent; }
    public StringProperty routineProperty() { return routine; }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Back to what is stored, dropping what was typed. */
    public void cancel() {
        tasks.submit(progress -> editor.dueTimes(), TaskListener.of(this::show, error -> message.set(UserMessages.of(error))));
    }

    public void save() {
        errors.clear();
        message.set("");
        String s = stat.get();
        String u = urgent.get();
        String r = routine.get();
        tasks.submit(progress -> editor.saveDueTimes(actor, s, u, r), TaskListener.of(saved -> {
            show(saved);
            message.set("Saved. Studies reaching the worklist from now on are due by these times; those on it keep theirs.");
        }, error -> message.set(errors.show(error))));
    }

    private void show(DueTimeRules rules) {
        errors.clear();
        message.set("");
        stat.set(Integer.toString(rules.statMinutes()));
        urgent.set(Integer.toString(rules.urgentMinutes()));
        routine.set(Integer.toString(rules.routineMinutes()));
    }
}
