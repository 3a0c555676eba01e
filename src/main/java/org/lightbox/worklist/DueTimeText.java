package org.lightbox.worklist;

import java.time.Duration;
import java.time.Instant;

/** How long until a study is due, as the worklist shows it, short enough for a narrow column: "in 35 min", "overdue 1h 05m". */
public final class DueTimeText {
    private DueTimeText() {
    }

    public static String describe(Instant due, Instant now) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(now, due);
        String amount = amount(left.abs());
        return left.isNegative() ? "overdue " + amount : "in " + amount;
    }

    private static String amount(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "<1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return String.format("%dh %02dm", minutes / 60, minutes % 60);
        }
        return String.format("%dd %dh", minutes / (24 * 60), minutes % (24 * 60) / 60);
    }
}
