package org.lightbox.viewer;

import java.time.Clock;
import java.time.Duration;

/**
 * When the user last touched the keyboard or mouse anywhere in the window: speculative decoding
 * of the next worklist studies waits until the workstation has been idle for a while, so that it
 * never competes with reading.
 */
public final class UserActivity {
    private final Clock clock;
    private final Duration idleAfter;
    private volatile long lastInputMillis;

    public UserActivity(Clock clock, Duration idleAfter) {
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.lastInputMillis = clock.millis();
    }

    public void touched() {
        lastInputMillis = clock.millis();
    }

    public boolean isIdle() {
        return clock.millis() - lastInputMillis >= idleAfter.toMillis();
    }
}
