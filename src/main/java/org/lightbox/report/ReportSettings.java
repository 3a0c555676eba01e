package org.lightbox.report;

import java.time.Duration;
import org.lightbox.domain.InvalidValueException;

/**
 * How long a reading lock outlives the reader's last keystroke or click: the editor renews the lease
 * while it is used, so an abandoned study frees itself after this idle time. Kept by
 * {@code SettingsStore} under {@link #KEY}; read at every lock taken or renewed, so a changed value
 * holds from each reader's next renewal.
 */
public record ReportSettings(int lockIdleMinutes) {
    public static final String KEY = "report.reading-lock";
    public static final ReportSettings DEFAULTS = new ReportSettings(15);

    public ReportSettings {
        if (lockIdleMinutes < 1 || lockIdleMinutes > 240) {
            throw new InvalidValueException("The reading lock idle time must be between 1 and 240 minutes, not " + lockIdleMinutes);
        }
    }

    public Duration lockLease() {
        return Duration.ofMinutes(lockIdleMinutes);
    }
}
