package org.lightbox.viewer;

import java.util.List;

/**
 * Prefetch of one stack around its current slice, nearest first, alternating ahead and behind, and
 * no further than the cache can hold without throwing out what was just decoded. Speculative
 * (idle) prefetch never evicts anything at all.
 */
public final class StackPrefetch implements AutoCloseable {
    private final FrameLoader loader;
    private final List<StackImage> stack;
    private final LoadPriority priority;
    private volatile int focus;
    private volatile boolean closed;

    StackPrefetch(FrameLoader loader, List<StackImage> stack, LoadPriority priority, int focus) {
        this.loader = loader;
        this.stack = List.copyOf(stack);
        this.priority = priority;
        this.focus = focus;
    }

    LoadPriority priority() {
        return priority;
    }

    /** The slice the user is on now: prefetch reorders around it. */
    public void focus(int index) {
        focus = index;
        loader.focusChanged();
    }

    /** The next frame to decode, or null when this stack is done (as far as the budget goes). Called under the loader's lock. */
    StackImage next(FrameCache cache) {
        if (closed || stack.isEmpty()) {
            return null;
        }
        long perFrame = HeapFootprint.of(stack.get(0).estimatedBytes());
        int reach = (int) Math.min(stack.size(), Math.max(1, cache.budgetBytes() / 2 / perFrame));
        int center = Math.max(0, Math.min(stack.size() - 1, focus));
        for (int distance = 0; distance <= reach; distance++) {
            StackImage ahead = at(center + distance);
            if (ahead != null && loader.isMissing(ahead.key())) {
                return roomFor(cache, ahead) ? ahead : null;
            }
            StackImage behind = distance == 0 ? null : at(center - distance);
            if (behind != null && loader.isMissing(behind.key())) {
                return roomFor(cache, behind) ? behind : null;
            }
        }
        return null;
    }

    private boolean roomFor(FrameCache cache, StackImage image) {
        return priority != LoadPriority.IDLE || cache.hasRoomFor(image.estimatedBytes());
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
