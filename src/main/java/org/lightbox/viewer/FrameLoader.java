package org.lightbox.viewer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
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
 * <p>Listeners hear about every frame decoded or failed, on a decode thread.
 */
public final class FrameLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameLoader.class);
    private static final int FAILURES_KEPT = 10_000;

    /** Told on a decode thread that a frame is now in the cache, or has failed. */
    public interface Listener {
        void frameLoaded(FrameKey key);
    }

    private final FrameDecoder decoder;
    private final FrameCache cache;
    private final BooleanSupplier idle;
    private final Object lock = new Object();
    private final Deque<StackImage> requested = new ArrayDeque<>();
    private final List<StackPrefetch> prefetches = new ArrayList<>();
    private final Set<FrameKey> inFlight = new HashSet<>();
    private final Map<FrameKey, String> failures = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameKey, String> eldest) {
            return size() > FAILURES_KEPT;
        }
    };
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param threads decode threads; 0 decodes every request at once on the calling thread and does
     *                no prefetch (for tests of what is shown, not when)
     * @param idle    whether the user has been idle long enough for speculative work
     */
    public FrameLoader(FrameDecoder decoder, FrameCache cache, int threads, BooleanSupplier idle) {
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
                decode(image);
            }
            return;
        }
        synchronized (lock) {
            requested.remove(image);
            requested.addFirst(image);
            lock.notifyAll();
        }
    }

    /** Decodes now on the calling thread unless cached: the headless paths (render, benchmarks) use this. */
    public FrameResult load(StackImage image) {
        FrameResult result = cached(image);
        if (result == null) {
            decode(image);
            result = cached(image);
        }
        return result == null ? new FrameResult.Failed("the frame was evicted as soon as it was decoded") : result;
    }

    /** Starts prefetching a stack around {@code focus}; close the handle when the stack leaves the screen. */
    public StackPrefetch prefetch(List<StackImage> stack, LoadPriority priority, int focus) {
        StackPrefetch prefetch = new StackPrefetch(this, stack, priority, focus);
        if (!workers.isEmpty()) {
            synchronized (lock) {
                prefetches.add(prefetch);
                prefetches.sort(Comparator.comparing(StackPrefetch::priority));
                lock.notifyAll();
            }
        }
        return prefetch;
    }

    void removed(StackPrefetch prefetch) {
        synchronized (lock) {
            prefetches.remove(prefetch);
        }
    }

    void focusChanged() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Whether a prefetch should still offer this frame: not cached, not being decoded, not failed. */
    boolean isMissing(FrameKey key) {
        return !cache.contains(key) && !inFlight.contains(key) && !failures.containsKey(key);
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
            StackImage next;
            synchronized (lock) {
                next = nextWork();
                if (next == null) {
                    try {
                        lock.wait(500); // wake now and then to see whether the user went idle
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                inFlight.add(next.key());
            }
            try {
                decode(next);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("Decoding {} failed unexpectedly", next.file(), e);
                fail(next, "this image could not be decoded (" + e + ")");
            } finally {
                synchronized (lock) {
                    inFlight.remove(next.key());
                }
            }
        }
    }

    /** Called with the lock held. */
    private StackImage nextWork() {
        while (!requested.isEmpty()) {
            StackImage image = requested.pollFirst();
            if (isMissing(image.key())) {
                return image;
            }
        }
        boolean userIdle = idle.getAsBoolean();
        for (StackPrefetch prefetch : prefetches) {
            if (prefetch.priority() == LoadPriority.IDLE && !userIdle) {
                continue;
            }
            StackImage image = prefetch.next(cache);
            if (image != null) {
                return image;
            }
        }
        return null;
    }

    private void decode(StackImage image) {
        try {
            DecodedImage decoded = decoder.decode(image.file());
            List<RawFrame> frames = decoded.frames();
            for (int f = 0; f < frames.size(); f++) {
                cache.put(new FrameKey(image.sopInstanceUid(), f), frames.get(f));
            }
            if (image.frame() >= frames.size()) {
                fail(image, "the instance has " + frames.size() + " frames, not " + (image.frame() + 1));
                return;
            }
            for (int f = 0; f < frames.size(); f++) {
                tell(new FrameKey(image.sopInstanceUid(), f));
            }
        } catch (DicomReadException e) {
            fail(image, e.problem());
        }
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
