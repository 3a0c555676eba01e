package org.lightbox.ui;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moments of a start that a user waits through (window shown, sign-in sent, worklist shown),
 * logged in milliseconds since the process started. They tell support why a start felt slow, and
 * {@code packaging/dev/bench-startup} reads them to measure the cold start without the time the
 * user spends typing.
 */
public final class StartupTimes {
    private static final Logger LOG = LoggerFactory.getLogger("org.lightbox.startup");
    private static final Instant PROCESS_START = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private StartupTimes() {
    }

    /** Logs {@code moment} at its time since the process started, e.g. "window shown". */
    public static void reached(String moment) {
        reached(moment, now());
    }

    /**
     * Logs {@code moment} at a time taken before: for a moment reached before the log goes into the
     * data folder, which is still opening then.
     *
     * @param at milliseconds since the process started, from {@link #now()}
     */
    public static void reached(String moment, long at) {
        LOG.info("{} at {} ms", moment, at);
    }

    /** Milliseconds since the process started. */
    public static long now() {
        return Duration.between(PROCESS_START, Instant.now()).toMillis();
    }
}
