package org.lightbox.viewer;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightbox.dicom.RawFrame;

/**
 * Decoded frames, least recently used evicted first, within a budget of bytes. Frames on screen are
 * pinned and never evicted: a viewport must not lose the frame it shows because prefetch ran ahead.
 * Thread-safe: decode workers fill it while the UI reads it.
 */
public final class FrameCache {
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
        RawFrame old = frames.put(key, frame);
        if (old != null) {
            usedBytes -= footprint(old);
        }
        usedBytes += footprint(frame);
        evictOver(budgetBytes, key);
    }

    /** Whether {@code bytes} more fit without evicting anything: speculative prefetch asks first. */
    public synchronized boolean hasRoomFor(long bytes) {
        return usedBytes + HeapFootprint.of(bytes) <= budgetBytes;
    }

    public synchronized void pin(FrameKey key) {
        pins.merge(key, 1, Integer::sum);
    }

    public synchronized void unpin(FrameKey key) {
        pins.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
        evictOver(budgetBytes, null);
    }

    public synchronized boolean isPinned(FrameKey key) {
        return pins.containsKey(key);
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

    private void evictOver(long budget, FrameKey justAdded) {
        Iterator<Map.Entry<FrameKey, RawFrame>> oldestFirst = frames.entrySet().iterator();
        while (usedBytes > budget && oldestFirst.hasNext()) {
            Map.Entry<FrameKey, RawFrame> entry = oldestFirst.next();
            if (!pins.containsKey(entry.getKey()) && !entry.getKey().equals(justAdded)) {
                usedBytes -= footprint(entry.getValue());
                oldestFirst.remove();
            }
        }
    }
}
