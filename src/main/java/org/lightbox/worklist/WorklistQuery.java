package org.lightbox.worklist;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;

/**
 * Filters and orders the worklist in memory, over a snapshot loaded from the store: every keystroke
 * in the search box answers at once. What a user may see is decided here, not in the View.
 */
public final class WorklistQuery {
    /** STAT first; then by due time; requests not yet performed after, by when they are scheduled or ordered. */
    public static final Comparator<WorklistEntry> READING_ORDER = Comparator
            .comparing((WorklistEntry e) -> e.priority() != Priority.STAT)
            .thenComparing(WorklistEntry::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.scheduledAt() != null ? e.scheduledAt() : e.orderedAt())
            .thenComparing(WorklistEntry::priority)
            .thenComparing(WorklistEntry::accession);

    private final ZoneId zone;

    public WorklistQuery(ZoneId zone) {
        this.zone = zone;
    }

    public List<WorklistEntry> run(WorklistSnapshot snapshot, WorklistFilter filter, Actor actor) {
        boolean seesAll = actor.can(Permission.VIEW_WORKLIST);
        boolean seesReleased = actor.can(Permission.READ_RELEASED_REPORTS);
        String[] words = filter.searchWords();
        List<WorklistEntry> result = new ArrayList<>();
        List<WorklistEntry> entries = snapshot.entries();
        for (int i = 0; i < entries.size(); i++) {
            WorklistEntry e = entries.get(i);
            if ((seesAll || seesReleased && e.status() == RequestStatus.RELEASED)
                    && filter.status().accepts(e, actor)
                    && (filter.modality() == null || filter.modality() == e.modality())
                    && (!filter.mine() || actor.userId() != null && actor.userId().equals(e.assigneeId()))
                    && (!filter.unassigned() || e.assigneeId() == null)
                    && (words.length == 0 || containsAll(snapshot.searchText(i), words))
                    && filter.inDateRange(e, zone)) {
                result.add(e);
            }
        }
        // The snapshot is in reading order already and a filter keeps that order: no sort per keystroke.
        return result;
    }

    private static boolean containsAll(String haystack, String[] words) {
        for (String w : words) {
            if (!haystack.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
