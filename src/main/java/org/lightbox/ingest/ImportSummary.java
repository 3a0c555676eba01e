package org.lightbox.ingest;

import java.util.List;

/**
 * What one ingest run did.
 *
 * @param indexed    instances newly indexed (copied into the managed store)
 * @param duplicates files whose SOP Instance UID was already indexed: nothing changed for them
 * @param studies    distinct studies the readable files of this run belong to
 * @param series     distinct series the readable files of this run belong to
 * @param unmatched  studies of this run that wait in the unmatched queue
 * @param cancelled  the user stopped the run; what was indexed before stays
 */
public record ImportSummary(int indexed, int duplicates, int studies, int series, int unmatched,
                            List<Rejection> rejected, boolean cancelled) {

    public ImportSummary {
        rejected = List.copyOf(rejected);
    }

    public static ImportSummary empty() {
        return new ImportSummary(0, 0, 0, 0, 0, List.of(), false);
    }

    /** "24 images indexed, 0 duplicates, 1 study, 1 series, 2 rejected" */
    public String headline() {
        return indexed + (indexed == 1 ? " image" : " images") + " indexed, " + duplicates
                + (duplicates == 1 ? " duplicate, " : " duplicates, ") + studies + (studies == 1 ? " study, " : " studies, ")
                + series + " series, " + rejected.size() + " rejected"
                + (unmatched > 0 ? ", " + unmatched + (unmatched == 1 ? " study" : " studies") + " unmatched" : "")
                + (cancelled ? " (cancelled)" : "");
    }
}
