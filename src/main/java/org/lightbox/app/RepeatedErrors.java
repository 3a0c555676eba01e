package org.lightbox.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells a first occurrence from a repeat, so that an error thrown on every frame or every tick is shown
 * once and logged in full once, not a thousand times. Two errors are the same when they are of the
 * same class and were thrown at the same place.
 */
final class RepeatedErrors {
    /** After this long without the error, it counts as new again: the user may have forgotten it. */
    static final Duration QUIET_PERIOD = Duration.ofMinutes(10);
    /** Enough for any real session; past it the memory starts afresh rather than growing. */
    private static final int REMEMBERED = 200;

    private final Clock clock;
    private final Map<String, Instant> lastSeen = new HashMap<>();
    private final Map<String, Integer> repeats = new HashMap<>();

    RepeatedErrors(Clock clock) {
        this.clock = clock;
    }

    /** Records one occurrence; 0 when it is new (never seen, or not within the quiet period), else how often it repeated. */
    synchronized int record(Throwable error) {
        String key = signature(error);
        Instant now = clock.instant();
        Instant last = lastSeen.put(key, now);
        if (last == null || Duration.between(last, now).compareTo(QUIET_PERIOD) >= 0) {
            if (lastSeen.size() > REMEMBERED) {
                lastSeen.clear();
                repeats.clear();
                lastSeen.put(key, now);
            }
            repeats.put(key, 0);
            return 0;
        }
        return repeats.merge(key, 1, Integer::sum);
    }

    private static String signature(Throwable error) {
        StackTraceElement[] stack = error.getStackTrace();
        return error.getClass().getName() + (stack.length == 0 ? "" : " at " + stack[0]);
    }
}
