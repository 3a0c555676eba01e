package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lightbox.testing.MutableClock;

class RepeatedErrorsTest {
    private final MutableClock clock = MutableClock.morning();
    private final RepeatedErrors errors = new RepeatedErrors(clock);

    private static IllegalStateException thrownHere(String message) {
        return new IllegalStateException(message);
    }

    @Test
    void theSameErrorFromTheSamePlaceIsARepeatUntilItHasBeenQuietForAWhile() {
        assertThat(errors.record(thrownHere("frame 1"))).isZero();
        assertThat(errors.record(thrownHere("frame 2"))).isEqualTo(1);
        assertThat(errors.record(thrownHere("frame 3"))).isEqualTo(2);
        clock.advance(RepeatedErrors.QUIET_PERIOD.minus(Duration.ofSeconds(1)));
        assertThat(errors.record(thrownHere("frame 4"))).isEqualTo(3);
        clock.advance(RepeatedErrors.QUIET_PERIOD);
        assertThat(errors.record(thrownHere("an hour later"))).isZero();
    }

    @Test
    void anotherKindOfErrorOrAnotherPlaceIsNew() {
        assertThat(errors.record(thrownHere("boom"))).isZero();
        assertThat(errors.record(new IllegalArgumentException("boom"))).isZero();
        assertThat(errors.record(new IllegalStateException("thrown on another line"))).isZero();
    }
}
