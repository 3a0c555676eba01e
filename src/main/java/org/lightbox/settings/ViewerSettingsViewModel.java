package org.lightbox.settings;

import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;
import org.lightbox.viewer.ViewerSettings;
import org.lightbox.viewer.WindowPreset;

/** The Viewer tab: the CT presets on the number keys 1..9 and the frame-cache size. */
public final class ViewerSettingsViewModel {
    /** One number key's preset as typed; all three blank leaves the key free. */
    public static final class PresetRow {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty center = new SimpleStringProperty("");
        private final StringProperty width = new SimpleStringProperty("");

        public StringProperty nameProperty() { return name; }
        public StringProperty centerProperty() { return center; }
        public StringProperty widthProperty() { return width; }

        void show(WindowPreset preset) {
            name.set(preset == null ? "" : preset.name());
            center.set(preset == null ? "" : number(preset.center()));
            width.set(preset == null ? "" : number(preset.width()));
        }

        PresetInput typed() {
            return new PresetInput(name.get(), center.get(), width.get());
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    private final SettingsEditor editor;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final List<PresetRow> presets = IntStream.range(0, ViewerSettings.MAX_PRESETS).mapToObj(i -> new PresetRow()).toList();
    private final StringProperty cacheMegabytes = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cacheHint = new ReadOnlyStringWrapper("");
    private int storedCache;

    public ViewerSettingsViewModel(SettingsEditor editor, TaskExecutor tasks, Actor actor) {
        this.editor = editor;
        this.tasks = tasks;
        this.actor = actor;
        cancel();
    }

    public List<PresetRow> presets() { return presets; }
    public StringProperty cacheMegabytesProperty() { return cacheMegabytes; }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** What the cache field accepts here, and that it applies at the next start. */
    public ReadOnlyStringProperty cacheHintProperty() { return cacheHint.getReadOnlyProperty(); }

    public void cancel() {
        tasks.submit(progress -> new Stored(editor.viewer(), editor.cacheLimits()), TaskListener.of(stored -> {
            show(stored.settings());
            CacheLimits limits = stored.limits();
            cacheHint.set("MB; 0 = automatic (" + limits.automaticMegabytes() + " MB here), or " + limits.minMegabytes() + " to "
                    + limits.maxMegabytes() + ". Takes effect at the next start of Lightbox.");
        }, error -> message.set(UserMessages.of(error))));
    }

    private record Stored(ViewerSettings settings, CacheLimits limits) {
    }

    public void save() {
        errors.clear();
        message.set("");
        List<PresetInput> rows = presets.stream().map(PresetRow::typed).toList();
        String cache = cacheMegabytes.get();
        int before = storedCache;
        tasks.submit(progress -> editor.saveViewer(actor, rows, cache), TaskListener.of(saved -> {
            show(saved);
            message.set("Saved. The presets apply from the next study opened in the viewer"
                    + (saved.cacheMegabytes() != before ? "; the new frame-cache size when Lightbox next starts." : "."));
        }, error -> message.set(errors.show(error))));
    }

    private void show(ViewerSettings settings) {
        errors.clear();
        message.set("");
        for (int i = 0; i < presets.size(); i++) {
            presets.get(i).show(i < settings.ctPresets().size() ? settings.ctPresets().get(i) : null);
        }
        storedCache = settings.cacheMegabytes();
        cacheMegabytes.set(Integer.toString(settings.cacheMegabytes()));
    }
}
