package org.lightbox.ui;

/** What a running task tells the UI, and how it learns that the user pressed Cancel. */
public interface TaskProgress {
    /** @param fraction 0..1, or a negative value when the total is unknown */
    void report(double fraction, String message);

    boolean isCancelled();

    /** For work that has nothing to report. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void report(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
