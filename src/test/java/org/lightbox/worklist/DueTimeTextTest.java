package org.lightbox.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DueTimeTextTest {
    private final Instant now = Instant.parse("2026-11-23T08:00:00Z");

    private String in(Duration d) {
        return DueTimeText.describe(now.plus(d), now);
    }

    @Test
    void countsDownInMinutesHoursAndDays() {
        assertThat(in(Duration.ofMinutes(35))).isEqualTo("in 35 min");
        assertThat(in(Duration.ofMinutes(125))).isEqualTo("in 2h 05m");
        assertThat(in(Duration.ofHours(27))).isEqualTo("in 1d 3h");
        assertThat(in(Duration.ofSeconds(20))).isEqualTo("in <1 min");
    }

    @Test
    void saysOverdueOnceTheDueTimeHasPassed() {
        assertThat(in(Duration.ofMinutes(-65))).isEqualTo("overdue 1h 05m");
    }

    @Test
    void saysNothingWithoutADueTime() {
        assertThat(DueTimeText.describe(null, now)).isEmpty();
    }
}
