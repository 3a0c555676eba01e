package org.lightbox.auth;

import java.time.Duration;
import org.lightbox.domain.InvalidValueException;

/** How long an unattended workstation stays open before it locks itself. */
public record AuthSettings(int idleLockMinutes) {
    public static final String KEY = "auth.idle-lock";
    public static final AuthSettings DEFAULTS = new AuthSettings(10);

    public AuthSettings {
        if (idleLockMinutes < 1 || idleLockMinutes > 240) {
            throw new InvalidValueException("Lock after must be between 1 and 240 minutes, not " + idleLockMinutes);
        }
    }

    public Duration idleLockAfter() {
        return Duration.ofMinutes(idleLockMinutes);
    }
}
