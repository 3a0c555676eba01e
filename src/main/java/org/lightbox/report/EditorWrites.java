package org.lightbox.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.lightbox.ui.BackgroundTask;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;

/**
 * The report editor's writes, one at a time and in the order they were asked for, so that an older
 * text never overwrites a newer one. Each runs off the UI thread; the next starts when one finishes.
 * {@link #last} writes on the calling thread, strictly after any write in flight, and ends the queue.
 */
final class EditorWrites {
    private final TaskExecutor tasks;
    private final Deque<Runnable> queued = new ArrayDeque<>();
    /** Held while a queued write runs in the background, so that {@link #last} writes strictly after it. */
    private final ReentrantLock order = new ReentrantLock();
    private volatile boolean closed;
    private boolean writing;

    EditorWrites(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    <T> void submit(BackgroundTask<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        BackgroundTask<T> ordered = progress -> {
            order.lock();
            try {
                if (closed) {
                    throw new IllegalStateException("The editor was closed; this write was superseded");
                }
                return work.run(progress);
            } finally {
                order.unlock();
            }
        };
        queued.add(() -> tasks.submit(ordered, TaskListener.of(result -> {
            finishWrite();
            done.accept(result);
        }, error -> {
            finishWrite();
            failed.accept(error);
        })));
        if (!writing) {
            nextWrite();
        }
    }

    /** Drops what is still queued and runs {@code work} now, after the write in flight; later writes are refused. */
    void last(Runnable work) {
        queued.clear();
        order.lock();
        try {
            closed = true;
            work.run();
        } finally {
            order.unlock();
        }
    }

    private void nextWrite() {
        Runnable next = queued.poll();
        writing = next != null;
        if (next != null) {
            next.run();
        }
    }

    private void finishWrite() {
        writing = false;
        nextWrite();
    }
}
