package org.lightbox.ui;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.lightbox.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop {@link TaskExecutor}: a small worker pool, results delivered with {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), named("lightbox-worker"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("lightbox-timer"));

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        TaskProgress progress = new TaskProgress() {
            @Override
            public void report(double fraction, String message) {
                if (!cancelled.get()) {
                    Platform.runLater(() -> listener.progressed(fraction, message));
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        Future<?> future = workers.submit(() -> {
            try {
                T result = task.run(progress);
                Platform.runLater(() -> {
                    if (cancelled.get()) {
                        listener.cancelled();
                    } else {
                        listener.succeeded(result);
                    }
                });
            } catch (CancellationException | InterruptedException e) {
                Platform.runLater(listener::cancelled);
            } catch (Throwable e) {
                // A domain refusal is an answer for the user, not a fault worth a stack trace in the log.
                if (!(e instanceof DomainException)) {
                    LOG.warn("Background task failed", e);
                }
                Platform.runLater(() -> listener.failed(e));
            }
        });
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public TaskHandle every(Duration period, Runnable action) {
        ScheduledFuture<?> tick = timers.scheduleAtFixedRate(() -> Platform.runLater(action),
                period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> tick.cancel(false);
    }

    @Override
    public void shutdown() {
        timers.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
