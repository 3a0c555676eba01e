package org.lightbox.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which queued changes travel together in one {@code /batch}. Parse Server runs a batch's operations
 * in parallel, even with {@code transaction: true}, so a batch never holds two changes of the same
 * object (a create and its update could land in either order); the batch ends before the second one.
 * The server decides on a report by the study's worklist assignment (a draft passes to the radiologist
 * the study is now assigned to), so a report change never shares a batch with a worklist change before it.
 */
final class BatchPlan {
    /** Parse Server's default batch limit is 50 operations a request. */
    static final int MAX_OPERATIONS = 50;

    private BatchPlan() {
    }

    static List<OutboxItem> next(List<OutboxItem> waitingInOrder, int maxOperations) {
        List<OutboxItem> batch = new ArrayList<>();
        Set<String> objects = new HashSet<>();
        boolean worklistChanged = false;
        for (OutboxItem item : waitingInOrder) {
            if (batch.size() == maxOperations || !objects.add(item.objectKey())
                    || worklistChanged && item.className().equals("Report")) {
                break;
            }
            batch.add(item);
            worklistChanged |= item.className().equals("WorklistItem");
        }
        return batch;
    }
}
