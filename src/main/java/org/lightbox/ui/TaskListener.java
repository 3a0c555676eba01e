package org.lightbox.ui;

import java.util.function.Consumer;

/** What happens on the UI thread when a background task reports, succeeds, fails or is cancelled. */
public interface TaskListener<T> {
    void succeeded(T result);

    void failed(Throwable error);

    default void progressed(double fraction, String message) {
    }

    default void cancelled() {
    }

    static <T> TaskListener<T> of(Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return new TaskListener<>() {
            @Override
            public void succeeded(T result) {
                onSuccess.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }
        };
    }
}
