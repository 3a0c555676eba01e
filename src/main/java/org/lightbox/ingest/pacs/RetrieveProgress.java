package org.lightbox.ingest.pacs;

import org.lightbox.ingest.ImportProgress;

/** How a retrieve from a PACS reports how far it is, and learns that the technologist pressed Cancel. */
public interface RetrieveProgress extends ImportProgress {

    /**
     * Called after each instance arrives from the PACS, on the retrieving thread.
     *
     * @param expected the study's instance count as the query answered it; null when the PACS did not say
     */
    void received(int instances, Integer expected);

    RetrieveProgress NONE = new RetrieveProgress() {
        @Override
        public void received(int instances, Integer expected) {
        }

        @Override
        public void advanced(int filesDone, int filesTotal) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
