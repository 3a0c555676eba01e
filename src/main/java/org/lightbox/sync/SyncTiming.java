package org.lightbox.sync;

import java.time.Duration;

/** How often and how patiently the workstation talks to the central store. Tests shorten these. */
public record SyncTiming(Duration firstRetry, Duration maxRetry, Duration idleInterval, Duration requestTimeout) {
    public static final SyncTiming DEFAULTS = new SyncTiming(Duration.ofSeconds(1), Duration.ofMinutes(2),
            Duration.ofSeconds(30), Duration.ofSeconds(30));
}
