package org.lightbox.viewer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.lightbox.dicom.RawFrame;

/**
 * Decoded frames within a budget of bytes. Frames on screen are pinned and never evicted: a
 * viewport must not lose the frame it shows because prefetch ran ahead. Beyond that, prefetch
 * admits a frame only by evicting frames that open work wants less (see {@link #admit}), least
 * recently used first, so that two prefetches never take turns evicting each other's frames.
 * Thread-safe: decode workers fill it while the UI reads it.
 */
public final class FrameCache {
    /** No open work wants the frame: the first to go. */
    static final int UNWANTED = 0;

    private final long budgetBytes;
    private final LinkedHashMap<FrameKey, RawFrame> frames = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<FrameKey, Integer> pins = new HashMap<>();
    private long usedBytes;

    public FrameCache(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("the frame cache needs a positive budget");
        }
        this.budgetBytes = budgetBytes;
    }

    /** The frame, now the most recently used; null when not cached. */
    public synchronized RawFrame get(FrameKey key) {
        return frames.get(key);
    }

    /** Whether the frame is cached, without counting as a use. */
    public synchronized boolean contains(FrameKey key) {
        return frames.containsKey(key);
    }

    /** Adds a frame, evicting the least recently used unpinned frames until the budget holds. */
    public synchronized void put(FrameKey key, RawFrame frame) {
        admit(key, frame, k -> UNWANTED, Integer.MAX_VALUE, true);
    }

    /**
     * Adds a frame if room can be made by evicting unpinned frames whose {@code wanted} rank is
     * below {@code evictBelow}: the least wanted first, the least recently used first among equals.
     * With {@code always} the frame goes in even when the budget cannot hold it (a frame about to
     * be shown); otherwise nothing is evicted and false is returned.
     */
    synchronized boolean admit(FrameKey key, RawFrame frame, ToIntFunction<FrameKey> wanted, int evictBelow,
                               boolean always) {
        RawFrame old = frames.get(key);
        long over = usedBytes - (old == null ? 0 : footprint(old)) + footprint(frame) - budgetBytes;
        Eviction eviction = eviction(over, key, wanted, evictBelow);
        if (!eviction.enough() && !always) {
            return false;
        }
        for (FrameKey victim : eviction.keys()) {
            usedBytes -= footprint(frames.remove(victim));
        }
        old = frames.put(key, frame);
        if (old != null) {
            usedBytes -= footprint(old);
        }
        usedBytes += footprint(frame);
        return true;
    }

    /** Whether {@code bytes} more fit by evicting only frames {@code wanted} ranks below {@code evictBelow}. */
    synchronized boolean hasRoomFor(long bytes, ToIntFunction<FrameKey> wanted, int evictBelow) {
        return eviction(usedBytes + HeapFootprint.of(bytes) - budgetBytes, null, wanted, evictBelow).enough();
    }

    /** Whether {@code bytes} more fit without evicting anything. */
    public synchronized boolean hasRoomFor(long bytes) {
        return usedBytes + HeapFootprint.of(bytes) <= budgetBytes;
    }

    /** Which frames to evict to free {@code over} bytes, and whether they are enough; all allowed ones if not. */
    private record Eviction(List<FrameKey> keys, boolean enough) {
    }

    private Eviction eviction(long over, FrameKey keep, ToIntFunction<FrameKey> wanted, int evictBelow) {
        if (over <= 0) {
            return new Eviction(List.of(), true);
        }
        record Candidate(FrameKey key, int rank, long bytes) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<FrameKey, RawFrame> entry : frames.entrySet()) { // least recently used first
            FrameKey key = entry.getKey();
            if (!pins.containsKey(key) && !key.equals(keep)) {
                int rank = wanted.applyAsInt(key);
                if (rank < evictBelow) {
                    candidates.add(new Candidate(key, rank, footprint(entry.getValue())));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank)); // stable: LRU order within a rank
        List<FrameKey> victims = new ArrayList<>();
        long freed = 0;
        for (Candidate candidate : candidates) {
            if (freed >= over) {
                break;
            }
            victims.add(candidate.key());
            freed += candidate.bytes();
        }
        return new Eviction(victims, freed >= over);
    }

    public synchronized void pin(FrameKey key) {
        pins.merge(key, 1, Integer::sum);
    }

    public synchronized void unpin(FrameKey key) {
        pins.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
        trimToBudget();
    }

    public synchronized boolean isPinned(FrameKey key) {
        return pins.containsKey(key);
    }

    /** How many frames are pinned on screen now. */
    public synchronized int pinnedCount() {
        return pins.size();
    }

    /** Bytes of heap the cached frames take, as G1 lays them out. */
    public synchronized long usedBytes() {
        return usedBytes;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public synchronized int size() {
        return frames.size();
    }

    public synchronized void clear() {
        frames.keySet().removeIf(key -> !pins.containsKey(key));
        usedBytes = frames.values().stream().mapToLong(FrameCache::footprint).sum();
    }

    private static long footprint(RawFrame frame) {
        return HeapFootprint.of(frame.bytes());
    }

    /** Pinned frames may have pushed the cache over its budget; once unpinned, the oldest go. */
    private void trimToBudget() {
        Iterator<Map.Entry<FrameKey, RawFrame>> oldestFirst = frames.entrySet().iterator();
        while (usedBytes > budgetBytes && oldestFirst.hasNext()) {
            Map.Entry<FrameKey, RawFrame> entry = oldestFirst.next();
            if (!pins.containsKey(entry.getKey())) {
                usedBytes -= footprint(entry.getValue());
                oldestFirst.remove();
            }
        }
    }
}
