package org.lightbox.viewer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prefetch of one stack around its current slice, nearest first, alternating ahead and behind.
 * Around the current slice it reaches only as far as its share of the cache ({@link FrameLoader}
 * sets the reach); a whole open series or a worklist study reaches the whole stack, as far as
 * the cache has room for it without evicting what more urgent work wants.
 */
public final class StackPrefetch implements AutoCloseable {
    private final FrameLoader loader;
    private final List<StackImage> stack;
    private final Map<FrameKey, Integer> positions = new HashMap<>();
    private final LoadPriority priority;
    private final long frameBytes;
    private volatile int focus;
    private volatile int reach;
    private volatile boolean closed;

    /** The nearest missing frame of a stack and how far it is from the stack's current slice. */
    record Candidate(StackPrefetch prefetch, StackImage image, int distance) {
    }

    StackPrefetch(FrameLoader loader, List<StackImage> stack, LoadPriority priority, int focus) {
        this.loader = loader;
        this.stack = List.copyOf(stack);
        this.priority = priority;
        this.focus = focus;
        this.reach = this.stack.size();
        this.frameBytes = this.stack.isEmpty() ? 0 : HeapFootprint.of(this.stack.get(0).estimatedBytes());
        for (int i = 0; i < this.stack.size(); i++) {
            positions.put(this.stack.get(i).key(), i);
        }
    }

    LoadPriority priority() {
        return priority;
    }

    /** What one frame of this stack takes in the cache, about. */
    long frameBytes() {
        return frameBytes;
    }

    /** How far from the current slice, in images, this prefetch decodes. */
    void reach(int images) {
        reach = Math.max(0, images);
    }

    /** The slice the user is on now: prefetch reorders around it. */
    public void focus(int index) {
        focus = index;
        loader.focusChanged();
    }

    /** The nearest frame within reach that is {@code missing}; null when there is none. Called under the loader's lock. */
    Candidate next(Predicate<FrameKey> missing) {
        if (closed || stack.isEmpty()) {
            return null;
        }
        int center = center();
        for (int distance = 0; distance <= reach; distance++) {
            StackImage ahead = at(center + distance);
            if (ahead != null && missing.test(ahead.key())) {
                return new Candidate(this, ahead, distance);
            }
            StackImage behind = distance == 0 ? null : at(center - distance);
            if (behind != null && missing.test(behind.key())) {
                return new Candidate(this, behind, distance);
            }
            if (ahead == null && behind == null && distance > 0) {
                return null;
            }
        }
        return null;
    }

    /** Whether this prefetch still wants the frame: within reach of the current slice, and not closed. */
    boolean wants(FrameKey key) {
        Integer at = positions.get(key);
        return !closed && at != null && Math.abs(at - center()) <= reach;
    }

    private int center() {
        return Math.max(0, Math.min(stack.size() - 1, focus));
    }

    private StackImage at(int index) {
        return index >= 0 && index < stack.size() ? stack.get(index) : null;
    }

    @Override
    public void close() {
        closed = true;
        loader.removed(this);
    }
}
