package org.lightbox.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying an unreachable server again: doubling from {@code first} up to
 * {@code max}, each wait drawn between half and all of that ("equal jitter"), so that workstations
 * that lost the server together do not all come back in the same instant.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;
    private int failures;

    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** The wait after one more failure. */
    public synchronized Duration next() {
        long cap = max.toMillis();
        long ceiling = Math.min(cap, first.toMillis() << Math.min(failures, 30));
        failures++;
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }

    public synchronized void reset() {
        failures = 0;
    }

    public synchronized int failures() {
        return failures;
    }
}
