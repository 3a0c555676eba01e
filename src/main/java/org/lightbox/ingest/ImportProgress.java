package org.lightbox.ingest;

/** How an ingest run reports how far it is, and learns that the user pressed Cancel. */
public interface ImportProgress {

    /** Called once per file, after its header is read, on the thread that runs the import. */
    void advanced(int filesDone, int filesTotal);

    boolean isCancelled();

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void advanced(int filesDone, int filesTotal) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
