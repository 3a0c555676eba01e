package org.lightbox.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every task at once on the calling thread, so ViewModel tests read top to bottom without
 * waiting. Periodic actions run only when the test calls {@link #tick()}.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final List<Runnable> periodic = new ArrayList<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
        try {
            T result = task.run(new TaskProgress() {
                @Override
                public void report(double fraction, String message) {
                    listener.progressed(fraction, message);
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            listener.succeeded(result);
        } catch (Exception | Error e) {
            listener.failed(e);
        }
        return () -> { };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskHandle every(Duration period, Runnable action) {
        periodic.add(action);
        return () -> periodic.remove(action);
    }

    /** Runs every periodic action once, as if its period had passed. */
    public void tick() {
        List.copyOf(periodic).forEach(Runnable::run);
    }

    @Override
    public void shutdown() {
        periodic.clear();
    }
}
