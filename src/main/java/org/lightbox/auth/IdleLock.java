package org.lightbox.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Tracks the last keyboard or mouse activity and says when the workstation should lock itself. */
public final class IdleLock {
    private final Clock clock;
    private volatile Duration after;
    private volatile Instant lastActivity;

    public IdleLock(Clock clock, Duration after) {
        this.clock = clock;
        this.after = after;
        this.lastActivity = clock.instant();
    }

    public void activity() {
        lastActivity = clock.instant();
    }

    public boolean isDue() {
        return !clock.instant().isBefore(lastActivity.plus(after));
    }

    /** A new idle time from Settings: the next check uses it, counted from the last activity as before. */
    public void changeAfter(Duration newAfter) {
        after = newAfter;
    }

    public Duration after() {
        return after;
    }
}
