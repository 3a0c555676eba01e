package org.lightbox.viewer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lightbox.domain.Actor;
import org.lightbox.worklist.WorklistEntry;
import org.lightbox.worklist.WorklistFilter;
import org.lightbox.worklist.WorklistQuery;
import org.lightbox.worklist.WorklistRepository;

/**
 * Decodes ahead, while the workstation is idle, the studies the radiologist will most likely open
 * next: the first few on their worklist in reading order (STAT first, then by due time), and those
 * studies' priors. It evicts only frames that no open series wants ({@link FrameLoader}).
 */
public final class WorklistPrefetch implements AutoCloseable {
    private final WorklistRepository worklist;
    private final WorklistQuery query;
    private final StudyImages studies;
    private final FrameLoader loader;
    private final List<StackPrefetch> running = new ArrayList<>();
    /** What the running prefetch was chosen from, so that an unchanged store is not read again. */
    private long chosenAt = Long.MIN_VALUE;
    private String chosenWithOpen;
    private int chosenCount = -1;
    private List<String> chosen = List.of();

    public WorklistPrefetch(WorklistRepository worklist, WorklistQuery query, StudyImages studies, FrameLoader loader) {
        this.worklist = worklist;
        this.query = query;
        this.studies = studies;
        this.loader = loader;
    }

    /**
     * Replaces the idle prefetch with the next {@code count} requests with images on the worklist,
     * leaving out the one open now. Runs on a background thread: it reads the store, unless nothing
     * was committed to it since the last time with the same arguments.
     *
     * @return the request ids it prefetches, in order
     */
    public synchronized List<String> refresh(Actor actor, String openRequestId, int count) {
        long stamp = worklist.changeStamp();
        if (stamp == chosenAt && Objects.equals(openRequestId, chosenWithOpen) && count == chosenCount) {
            return chosen; // nothing committed since: the same studies, already prefetching
        }
        List<WorklistEntry> next = query.run(worklist.snapshot(), WorklistFilter.toRead(), actor).stream()
                .filter(e -> e.studyCount() > 0 && !e.requestId().equals(openRequestId)).limit(count).toList();
        Set<String> seriesIds = new LinkedHashSet<>();
        List<List<StackImage>> stacks = new ArrayList<>();
        for (WorklistEntry entry : next) {
            List<ImageStudy> wanted = new ArrayList<>(studies.forRequest(entry.requestId()));
            wanted.addAll(studies.priorsFor(entry.requestId()));
            for (ImageStudy study : wanted) {
                for (ImageSeries series : study.series()) {
                    if (seriesIds.add(series.id())) {
                        stacks.add(series.images());
                    }
                }
            }
        }
        stop();
        for (List<StackImage> stack : stacks) {
            // The viewer opens a series at its first image.
            running.add(loader.prefetch(stack, LoadPriority.IDLE, 0));
        }
        chosenAt = stamp;
        chosenWithOpen = openRequestId;
        chosenCount = count;
        chosen = next.stream().map(WorklistEntry::requestId).toList();
        return chosen;
    }

    public synchronized void stop() {
        running.forEach(StackPrefetch::close);
        running.clear();
        chosenAt = Long.MIN_VALUE;
    }

    @Override
    public void close() {
        stop();
    }
}
