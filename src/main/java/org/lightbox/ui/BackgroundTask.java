package org.lightbox.ui;

/** Work that must not run on the UI thread: store access, hashing, decoding, import. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(TaskProgress progress) throws Exception;
}
