package org.lightbox.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps submitted tasks until the test runs them, as a busy worker pool would: the test can act
 * while a task is "running" (type, press Cancel) and then let it answer late.
 */
public final class HeldTaskExecutor implements TaskExecutor {
    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
        waiting.add(() -> now.submit(task, listener));
        return () -> { };
    }

    /** Runs the tasks held so far; one they submit meanwhile is dropped, as if its worker had died. */
    public void runAll() {
        List.copyOf(waiting).forEach(Runnable::run);
        waiting.clear();
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    @Override
    public TaskHandle every(Duration period, Runnable action) {
        return () -> { };
    }

    @Override
    public void shutdown() {
    }
}
