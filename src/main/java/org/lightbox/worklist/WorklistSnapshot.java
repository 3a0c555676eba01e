package org.lightbox.worklist;

import java.util.ArrayList;
import java.util.List;

/**
 * The worklist as last loaded from the store, in reading order, with each entry's search text
 * prepared once so that filtering is a plain scan.
 */
public final class WorklistSnapshot {
    public static final WorklistSnapshot EMPTY = new WorklistSnapshot(List.of());

    private final List<WorklistEntry> entries;
    private final String[] searchTexts;

    public WorklistSnapshot(List<WorklistEntry> loaded) {
        List<WorklistEntry> sorted = new ArrayList<>(loaded);
        sorted.sort(WorklistQuery.READING_ORDER);
        this.entries = List.copyOf(sorted);
        this.searchTexts = entries.stream().map(WorklistEntry::searchText).toArray(String[]::new);
    }

    public List<WorklistEntry> entries() {
        return entries;
    }

    String searchText(int index) {
        return searchTexts[index];
    }

    public int size() {
        return entries.size();
    }
}
