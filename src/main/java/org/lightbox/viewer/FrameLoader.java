package org.lightbox.viewer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.lightbox.dicom.DecodedImage;
import org.lightbox.dicom.DicomReadException;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.dicom.RawFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes frames into the {@link FrameCache} on a few background threads. Work is chosen when a
 * thread is free, not queued up front: first the frames a viewport asked for (newest request
 * first), then each open stack's nearest missing neighbour of its current slice, then whole open
 * series, then, only while the workstation is idle, the next studies on the worklist. So a fast
 * scroll never waits behind prefetch it has already scrolled past.
 *
 * <p>The budget holds without churn: prefetch admits a frame only by evicting frames that less
 * urgent work wants (or nothing wants), so when the open studies are larger than the cache each
 * prefetch stops where the cache is full instead of evicting and re-decoding another's frames
 * forever. The stacks on screen share three quarters of the budget around their current slices.
 * A file is decoded by one thread at a time, and a multi-frame file a window of frames at a time.
 *
 * <p>Listeners hear about every frame decoded or failed, on a decode thread.
 */
public final class FrameLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameLoader.class);
    private static final int FAILURES_KEPT = 10_000;
    /** A frame a viewport shows outranks all prefetch: it may evict any frame not on screen. */
    private static final int REQUESTED = LoadPriority.AROUND_CURRENT.rank() + 1;
    /** The part of the budget the stacks on screen prefetch around their current slices. */
    private static final double AROUND_CURRENT_SHARE = 0.75;
    /** One decode of a multi-frame file keeps at most this part of the budget's worth of frames. */
    private static final int MULTI_FRAME_SHARE = 4;

    /** Told on a decode thread that a frame is now in the cache, or has failed. */
    public interface Listener {
        void frameLoaded(FrameKey key);

        /** Told on a decode thread when the decode threads have run out of work for now. */
        default void caughtUp() {
        }
    }

    /** Decodes frames {@code first} to {@code first + count - 1} of a file (see {@link FrameDecoder}). */
    @FunctionalInterface
    public interface Decoder {
        DecodedImage decode(Path file, int first, int count) throws DicomReadException;
    }

    /** Something to decode, how strongly its frames may claim the cache, and the prefetches open when it was chosen. */
    private record Work(StackImage image, int rank, List<StackPrefetch> prefetches) {
    }

    private final Decoder decoder;
    private final FrameCache cache;
    private final BooleanSupplier idle;
    private final Object lock = new Object();
    private final Deque<StackImage> requested = new ArrayDeque<>();
    private final List<StackPrefetch> prefetches = new ArrayList<>();
    /** SOP Instance UIDs being decoded: one thread per file. */
    private final Set<String> inFlight = new HashSet<>();
    /** Decoded prefetch frames the cache could not take; offered again once the prefetches move. */
    private final Set<FrameKey> unplaceable = new HashSet<>();
    private final Map<FrameKey, String> failures = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameKey, String> eldest) {
            return size() > FAILURES_KEPT;
        }
    };
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;
    private int decoding;
    private long changes;
    private boolean toldCaughtUp;

    /**
     * @param threads decode threads; 0 decodes every request at once on the calling thread and does
     *                no prefetch (for tests of what is shown, not when)
     * @param idle    whether the user has been idle long enough for speculative work
     */
    public FrameLoader(FrameDecoder decoder, FrameCache cache, int threads, BooleanSupplier idle) {
        this(decoder::decode, cache, threads, idle);
    }

    public FrameLoader(Decoder decoder, FrameCache cache, int threads, BooleanSupplier idle) {
        this.decoder = decoder;
        this.cache = cache;
        this.idle = idle;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, "lightbox-decode-" + (i + 1));
            worker.setDaemon(true);
            worker.setPriority(Thread.NORM_PRIORITY - 1);
            workers.add(worker);
            worker.start();
        }
    }

    /** Decode threads to use: leave one core to the UI, at most four. */
    public static int defaultThreads(int configured) {
        return configured > 0 ? configured : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    public FrameCache cache() {
        return cache;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The cached frame or the known failure; null while not loaded. Never blocks on a decode. */
    public FrameResult cached(StackImage image) {
        RawFrame frame = cache.get(image.key());
        if (frame != null) {
            return new FrameResult.Ready(frame);
        }
        synchronized (lock) {
            String failure = failures.get(image.key());
            return failure == null ? null : new FrameResult.Failed(failure);
        }
    }

    /** Asks for a frame ahead of all prefetch; listeners hear when it is there. */
    public void request(StackImage image) {
        if (workers.isEmpty()) {
            if (cached(image) == null) {
                decode(new Work(image, REQUESTED, openPrefetches()));
            }
            return;
        }
        synchronized (lock) {
            requested.remove(image);
            requested.addFirst(image);
            changed();
        }
    }

    /** Decodes now on the calling thread unless cached: the headless paths (render, benchmarks) use this. */
    public FrameResult load(StackImage image) {
        FrameResult result = cached(image);
        if (result == null) {
            decode(new Work(image, REQUESTED, openPrefetches()));
            result = cached(image);
        }
        return result == null ? new FrameResult.Failed("the frame was evicted as soon as it was decoded") : result;
    }

    /**
     * Starts prefetching a stack around {@code focus}; close the handle when the stack leaves the
     * screen. Without decode threads nothing is prefetched, but the stack still counts as open.
     */
    public StackPrefetch prefetch(List<StackImage> stack, LoadPriority priority, int focus) {
        StackPrefetch prefetch = new StackPrefetch(this, stack, priority, focus);
        synchronized (lock) {
            prefetches.add(prefetch);
            prefetches.sort(Comparator.comparing(StackPrefetch::priority));
            shareTheBudget();
            prefetchesMoved();
        }
        return prefetch;
    }

    /** How many prefetches of this priority are open (not closed). */
    int openPrefetches(LoadPriority priority) {
        synchronized (lock) {
            return (int) prefetches.stream().filter(p -> p.priority() == priority).count();
        }
    }

    void removed(StackPrefetch prefetch) {
        synchronized (lock) {
            if (prefetches.remove(prefetch)) {
                shareTheBudget();
                prefetchesMoved();
            }
        }
    }

    void focusChanged() {
        synchronized (lock) {
            prefetchesMoved();
        }
    }

    /** Called with the lock held whenever there may be new work. */
    private void changed() {
        changes++;
        lock.notifyAll();
    }

    /** Called with the lock held: what the prefetches want has changed, so refused frames may fit now. */
    private void prefetchesMoved() {
        unplaceable.clear();
        changed();
    }

    private List<StackPrefetch> openPrefetches() {
        synchronized (lock) {
            return List.copyOf(prefetches);
        }
    }

    /** Each stack on screen reaches as far around its current slice as its share of the budget holds. */
    private void shareTheBudget() {
        List<StackPrefetch> around = prefetches.stream().filter(p -> p.priority() == LoadPriority.AROUND_CURRENT).toList();
        for (StackPrefetch prefetch : around) {
            long share = (long) (cache.budgetBytes() * AROUND_CURRENT_SHARE / around.size());
            long frames = Math.max(1, share / Math.max(1, prefetch.frameBytes()));
            prefetch.reach((int) Math.min(Integer.MAX_VALUE, (frames - 1) / 2));
        }
    }

    /** How much open work wants a frame: the highest rank of the prefetches that want it. */
    private static int wanted(List<StackPrefetch> prefetches, FrameKey key) {
        int rank = FrameCache.UNWANTED;
        for (StackPrefetch prefetch : prefetches) {
            if (prefetch.priority().rank() > rank && prefetch.wants(key)) {
                rank = prefetch.priority().rank();
            }
        }
        return rank;
    }

    /** Whether a prefetch should still offer this frame: not cached, its file not being decoded, not failed, not refused. */
    private boolean isMissing(FrameKey key) {
        return !cache.contains(key) && !inFlight.contains(key.sopInstanceUid()) && !failures.containsKey(key)
                && !unplaceable.contains(key);
    }

    /** Counts, for a thumbnail's progress: how many of these frames are loaded (or failed). */
    public int loadedCount(List<StackImage> images) {
        int count = 0;
        synchronized (lock) {
            for (StackImage image : images) {
                if (cache.contains(image.key()) || failures.containsKey(image.key())) {
                    count++;
                }
            }
        }
        return count;
    }

    private void work() {
        while (running) {
            Work next;
            boolean caughtUp = false;
            long seen;
            synchronized (lock) {
                seen = changes;
                next = nextWork();
                if (next == null) {
                    caughtUp = decoding == 0 && !toldCaughtUp;
                    toldCaughtUp |= caughtUp;
                } else {
                    decoding++;
                    toldCaughtUp = false;
                    inFlight.add(next.image().sopInstanceUid());
                }
            }
            if (next == null) {
                if (caughtUp) {
                    listeners.forEach(Listener::caughtUp);
                }
                if (!waitForChanges(seen)) {
                    return;
                }
                continue;
            }
            try {
                decode(next);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("Decoding {} failed unexpectedly", next.image().file(), e);
                fail(next.image(), "this image could not be decoded (" + e + ")");
            } finally {
                synchronized (lock) {
                    inFlight.remove(next.image().sopInstanceUid());
                    decoding--;
                    changed();
                }
            }
        }
    }

    /** Waits for new work, waking now and then to see whether the user went idle; false when interrupted. */
    private boolean waitForChanges(long seen) {
        synchronized (lock) {
            if (changes != seen) {
                return true;
            }
            try {
                lock.wait(500);
                return true;
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    /** Called with the lock held. */
    private Work nextWork() {
        for (Iterator<StackImage> newestFirst = requested.iterator(); newestFirst.hasNext(); ) {
            StackImage image = newestFirst.next();
            if (cache.contains(image.key()) || failures.containsKey(image.key())) {
                newestFirst.remove();
            } else if (!inFlight.contains(image.sopInstanceUid())) {
                newestFirst.remove();
                return new Work(image, REQUESTED, List.copyOf(prefetches));
            }
        }
        boolean userIdle = idle.getAsBoolean();
        ToIntFunction<FrameKey> wanted = key -> wanted(prefetches, key);
        for (LoadPriority priority : LoadPriority.values()) {
            if (priority == LoadPriority.IDLE && !userIdle) {
                continue;
            }
            List<StackPrefetch.Candidate> candidates = new ArrayList<>();
            for (StackPrefetch prefetch : prefetches) {
                StackPrefetch.Candidate candidate = prefetch.priority() == priority ? prefetch.next(this::isMissing) : null;
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
            // Nearest first across the stacks of one priority, so that they fill evenly.
            candidates.sort(Comparator.comparingInt(StackPrefetch.Candidate::distance));
            for (StackPrefetch.Candidate candidate : candidates) {
                if (cache.hasRoomFor(candidate.prefetch().frameBytes(), wanted, priority.rank())) {
                    return new Work(candidate.image(), priority.rank(), List.copyOf(prefetches));
                }
            }
        }
        return null;
    }

    private void decode(Work work) {
        StackImage image = work.image();
        int frames = Math.max(1, image.frameCount());
        int window = Math.min(frames, framesPerDecode(image));
        int first = Math.max(0, Math.min(image.frame() - window / 2, frames - window));
        try {
            DecodedImage decoded = decoder.decode(image.file(), first, window);
            ToIntFunction<FrameKey> wanted = key -> wanted(work.prefetches(), key);
            List<FrameKey> loaded = new ArrayList<>();
            boolean targetDecoded = false;
            for (int i = 0; i < decoded.frames().size(); i++) {
                FrameKey key = new FrameKey(image.sopInstanceUid(), decoded.firstFrame() + i);
                boolean target = key.equals(image.key());
                targetDecoded |= target;
                // Neighbours decoded along with the frame asked for claim the cache as prefetch around it would.
                int rank = target ? work.rank() : Math.min(work.rank(), LoadPriority.AROUND_CURRENT.rank());
                if (cache.admit(key, decoded.frames().get(i), wanted, rank, target && rank == REQUESTED)) {
                    loaded.add(key);
                } else if (target) {
                    synchronized (lock) {
                        unplaceable.add(key);
                    }
                }
            }
            if (!targetDecoded) {
                failOne(image.key(), "the instance has " + decoded.frameCount() + " frames, not " + (image.frame() + 1));
            }
            loaded.forEach(this::tell);
        } catch (DicomReadException e) {
            fail(image, e.problem());
        }
    }

    /** A multi-frame file is decoded a window of frames at a time, a quarter of the budget at most. */
    private int framesPerDecode(StackImage image) {
        if (image.frameCount() <= 1) {
            return 1;
        }
        long perFrame = Math.max(1, HeapFootprint.of(image.estimatedBytes()));
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, cache.budgetBytes() / MULTI_FRAME_SHARE / perFrame));
    }

    private void fail(StackImage image, String message) {
        synchronized (lock) {
            for (int f = 0; f < image.frameCount(); f++) {
                failures.put(new FrameKey(image.sopInstanceUid(), f), message);
            }
        }
        for (int f = 0; f < image.frameCount(); f++) {
            tell(new FrameKey(image.sopInstanceUid(), f));
        }
    }

    private void failOne(FrameKey key, String message) {
        synchronized (lock) {
            failures.put(key, message);
        }
        tell(key);
    }

    private void tell(FrameKey key) {
        for (Listener listener : listeners) {
            try {
                listener.frameLoaded(key);
            } catch (RuntimeException e) {
                LOG.warn("A frame listener failed", e);
            }
        }
    }

    /** Forgets failures, e.g. after the files were re-imported. */
    public void forgetFailures() {
        synchronized (lock) {
            failures.clear();
        }
    }

    @Override
    public void close() {
        running = false;
        workers.forEach(Thread::interrupt);
    }
}
