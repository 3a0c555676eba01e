package org.lightbox.report.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.lightbox.ui.BackgroundTask;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.TaskProgress;

/**
 * The desktop's threading without a display: one thread stands for the UI thread, a pool does the
 * background work, a timer ticks. For a ViewModel running for real in a child process.
 */
public final class ThreadedTaskExecutor implements TaskExecutor {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
        var future = workers.submit(() -> {
            try {
                T result = task.run(new TaskProgress() {
                    @Override
                    public void report(double fraction, String message) {
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
                ui.execute(() -> listener.succeeded(result));
            } catch (Throwable e) {
                ui.execute(() -> listener.failed(e));
            }
        });
        return () -> future.cancel(false);
    }

    @Override
    public void onUiThread(Runnable action) {
        ui.execute(action);
    }

    @Override
    public TaskHandle every(Duration period, Runnable action) {
        ScheduledFuture<?> tick = timers.scheduleAtFixedRate(() -> ui.execute(action), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return () -> tick.cancel(false);
    }

    /** Runs {@code work} on the UI thread and waits for its result. */
    public <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void shutdown() {
        timers.shutdownNow();
        workers.shutdownNow();
        ui.shutdownNow();
    }
}
