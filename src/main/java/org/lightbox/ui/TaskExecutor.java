package org.lightbox.ui;

import java.time.Duration;

/**
 * The one seam between ViewModels and threads. Long work runs off the UI thread; its result, its
 * progress and any periodic tick come back on the UI thread. The desktop implementation uses a worker
 * pool and the JavaFX thread; tests use one that runs everything at once on the calling thread.
 */
public interface TaskExecutor {
    <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener);

    /** Runs {@code action} on the UI thread (now, if already on it). */
    void onUiThread(Runnable action);

    /** Runs {@code action} on the UI thread every {@code period} until cancelled. */
    TaskHandle every(Duration period, Runnable action);

    void shutdown();
}
