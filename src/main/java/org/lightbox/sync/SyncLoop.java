package org.lightbox.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The sync's one background thread, in the window only: it runs the cycle at once ("sync now", a live
 * update, a sign-in), after a quiet interval, or after a failure with growing, jittered waits
 * ({@link Backoff}). A cycle asked for while one is pending replaces it. Built by the composition root;
 * the thread starts with {@link #start(Runnable)}.
 */
public final class SyncLoop implements AutoCloseable {
    private final Backoff backoff;
    private final Object scheduling = new Object();
    private ScheduledExecutorService thread;
    private ScheduledFuture<?> next;
    private Runnable cycle;

    public SyncLoop(SyncTiming timing, RandomGenerator jitter) {
        this.backoff = new Backoff(timing.firstRetry(), timing.maxRetry(), jitter);
    }

    /** Starts the thread (once) and runs {@code cycle} on it now. */
    void start(Runnable newCycle) {
        synchronized (scheduling) {
            cycle = newCycle;
            if (thread == null) {
                thread = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "lightbox-sync");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        runIn(Duration.ZERO);
    }

    /** Runs the cycle after {@code delay}, instead of any run already planned; nothing before {@link #start}. */
    void runIn(Duration delay) {
        synchronized (scheduling) {
            if (thread == null || thread.isShutdown()) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            next = thread.schedule(cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The wait before trying again after one more failure in a row. */
    Duration nextRetry() {
        return backoff.next();
    }

    /** A cycle succeeded: the next failure waits the shortest time again. */
    void succeeded() {
        backoff.reset();
    }

    /** Stops the thread and waits for a running cycle to end. */
    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (scheduling) {
            stopping = thread;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
