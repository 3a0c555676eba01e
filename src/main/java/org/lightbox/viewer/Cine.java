package org.lightbox.viewer;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;

/** Cine: the active viewport steps through its stack (or the frames of a cine loop) at a rate the user sets, round and round. */
final class Cine {
    static final int MIN_FPS = 1;
    static final int MAX_FPS = 60;

    private final TaskExecutor tasks;
    private final Supplier<ViewportViewModel> viewport;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty fps = new SimpleIntegerProperty();
    private TaskHandle timer;

    Cine(TaskExecutor tasks, int fps, Supplier<ViewportViewModel> viewport) {
        this.tasks = tasks;
        this.viewport = viewport;
        this.fps.set(fps);
        this.fps.addListener((o, old, now) -> restart());
    }

    ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    IntegerProperty fpsProperty() {
        return fps;
    }

    void toggle() {
        if (playing.get()) {
            stop();
        } else {
            playing.set(true);
            restart();
        }
    }

    void changeFps(int delta) {
        fps.set(Math.max(MIN_FPS, Math.min(MAX_FPS, fps.get() + delta)));
    }

    void stop() {
        playing.set(false);
        restart();
    }

    /** Time between frames at {@code fps} frames per second. */
    static Duration period(int fps) {
        return Duration.ofMillis(1000 / Math.max(MIN_FPS, Math.min(MAX_FPS, fps)));
    }

    private void restart() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (playing.get()) {
            timer = tasks.every(period(fps.get()), () -> viewport.get().advanceCine(1));
        }
    }
}
