package org.lightbox.worklist;

import java.time.Duration;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.Priority;

/** How long after the scan each priority may wait for its report. Defaults: STAT 1 h, urgent 4 h, routine 24 h. */
public record DueTimeRules(int statMinutes, int urgentMinutes, int routineMinutes) {
    public static final String KEY = "worklist.due-times";
    public static final DueTimeRules DEFAULTS = new DueTimeRules(60, 4 * 60, 24 * 60);
    private static final int MAX_MINUTES = 30 * 24 * 60;

    public DueTimeRules {
        checkMinutes("STAT", statMinutes);
        checkMinutes("Urgent", urgentMinutes);
        checkMinutes("Routine", routineMinutes);
    }

    /** The rule for one priority's due time, so a form can name the one field that breaks it. */
    public static void checkMinutes(String what, int minutes) {
        if (minutes < 5 || minutes > MAX_MINUTES) {
            throw new InvalidValueException(what + " due time must be between 5 minutes and 30 days, not " + minutes + " minutes");
        }
    }

    public Duration dueAfter(Priority priority) {
        return Duration.ofMinutes(switch (priority) {
            case STAT -> statMinutes;
            case URGENT -> urgentMinutes;
            case ROUTINE -> routineMinutes;
        });
    }
}
