package org.lightbox.sync;

/** The answer to one operation of a batch: success, or Parse's error code and message. */
public record BatchResult(boolean success, int code, String error) {
    static BatchResult ok() {
        return new BatchResult(true, 0, null);
    }

    static BatchResult error(int code, String error) {
        return new BatchResult(false, code, error);
    }
}
