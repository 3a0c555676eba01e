package org.lightbox.settings;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.report.ImportedTemplate;
import org.lightbox.report.ReportTemplate;
import org.lightbox.report.TemplateLibrary;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** The report templates on the Reports tab: the built-in ones, and the imported ones to import, retire or restore. */
public final class TemplatesViewModel {
    private final TemplateLibrary library;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ObservableList<ImportedTemplate> imported = FXCollections.observableArrayList();
    private final ObjectProperty<ImportedTemplate> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper builtIn = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public TemplatesViewModel(TemplateLibrary library, TaskExecutor tasks, Actor actor) {
        this.library = library;
        this.tasks = tasks;
        this.actor = actor;
        reload(null);
    }

    public ObservableList<ImportedTemplate> imported() { return imported; }
    public ObjectProperty<ImportedTemplate> selectedProperty() { return selected; }
    /** The built-in templates' titles, which always stay. */
    public ReadOnlyStringProperty builtInProperty() { return builtIn.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Imports an MRRT file; one that is not a template is refused with the reason and nothing is stored. */
    public void importFile(Path file) {
        message.set("");
        tasks.submit(progress -> library.importFile(actor, file), TaskListener.of(template -> {
            message.set("Imported " + template.title() + " from " + file.getFileName() + ": it is offered in the report editor.");
            reload(template.id());
        }, error -> message.set(file.getFileName() + " was not imported: " + UserMessages.of(error))));
    }

    /** Retires the selected template, or restores it when it is retired. */
    public void toggleActive() {
        ImportedTemplate current = selected.get();
        if (current == null) {
            return;
        }
        message.set("");
        tasks.submit(progress -> current.active() ? library.retire(actor, current.id()) : library.restore(actor, current.id()),
                TaskListener.of(saved -> {
                    message.set(saved.title() + (saved.active() ? " is offered in the report editor again."
                            : " is retired: no longer offered; reports written with it are unchanged."));
                    reload(saved.id());
                }, error -> message.set(UserMessages.of(error))));
    }

    private void reload(String selectId) {
        tasks.submit(progress -> new Listing(library.all().stream().filter(ReportTemplate::builtIn).map(ReportTemplate::title).toList(),
                library.imported()), TaskListener.of(listing -> {
                    builtIn.set("Built in: " + String.join(", ", listing.builtIn()) + ".");
                    imported.setAll(listing.imported());
                    String keep = selectId != null ? selectId : selected.get() == null ? null : selected.get().id();
                    selected.set(listing.imported().stream().filter(t -> t.id().equals(keep)).findFirst().orElse(null));
                }, error -> message.set(UserMessages.of(error))));
    }

    private record Listing(List<String> builtIn, List<ImportedTemplate> imported) {
    }
}
