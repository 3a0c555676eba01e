package org.lightbox.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** The user's macros: pick one to change it, or start a new one; saving refuses a loop with the chain that makes it. */
public final class MacroListViewModel {
    private final MacroLibrary library;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final Runnable onChanged;

    private final ObservableList<Macro> macros = FXCollections.observableArrayList();
    private final ObjectProperty<Macro> selected = new SimpleObjectProperty<>();
    private final StringProperty trigger = new SimpleStringProperty("");
    private final StringProperty expansion = new SimpleStringProperty("");
    private final BooleanProperty shared = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MacroListViewModel(MacroLibrary library, TaskExecutor tasks, Actor actor, Runnable onChanged) {
        this.library = library;
        this.tasks = tasks;
        this.actor = actor;
        this.onChanged = onChanged;
        selected.addListener((o, old, now) -> {
            trigger.set(now == null ? "" : now.trigger());
            expansion.set(now == null ? "" : now.expansion());
            shared.set(now != null && now.isShared());
        });
        reload();
    }

    public ObservableList<Macro> macros() { return macros; }
    public ObjectProperty<Macro> selectedProperty() { return selected; }
    public StringProperty triggerProperty() { return trigger; }
    public StringProperty expansionProperty() { return expansion; }
    public BooleanProperty sharedProperty() { return shared; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public boolean mayShare() { return actor.can(Permission.MANAGE_SETTINGS); }

    public void newMacro() {
        selected.set(null);
        trigger.set("");
        expansion.set("");
        shared.set(false);
    }

    /**
     * Saves the form. A user who may not share who changes a shared macro saves their own version,
     * which hides the shared one for them; the shared macro stays as it is for everyone else.
     */
    public void save() {
        Macro current = selected.get();
        boolean s = shared.get() && mayShare();
        String id = current == null || current.isShared() != s ? null : current.id();
        String t = trigger.get();
        String e = expansion.get();
        tasks.submit(progress -> library.save(actor, id, t, e, s), TaskListener.of(saved -> {
            message.set("Saved " + saved.trigger() + ".");
            reload();
            onChanged.run();
        }, error -> message.set(UserMessages.of(error))));
    }

    public void delete() {
        Macro current = selected.get();
        if (current == null) {
            return;
        }
        tasks.submit(progress -> {
            library.delete(actor, current.id());
            return true;
        }, TaskListener.of(ok -> {
            message.set("Deleted " + current.trigger() + ".");
            newMacro();
            reload();
            onChanged.run();
        }, error -> message.set(UserMessages.of(error))));
    }

    private void reload() {
        tasks.submit(progress -> library.visibleTo(actor), TaskListener.of(macros::setAll, error -> message.set(UserMessages.of(error))));
    }
}
