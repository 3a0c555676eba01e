package org.lightbox.ui;

/** A submitted task or a periodic tick, which can be cancelled. */
@FunctionalInterface
public interface TaskHandle {
    void cancel();
}
