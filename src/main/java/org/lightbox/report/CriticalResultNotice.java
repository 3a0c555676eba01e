package org.lightbox.report;

import java.time.Duration;
import java.time.Instant;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Text;

/**
 * Who was told of a critical result, how and when (ACR Practice Parameter for Communication of
 * Diagnostic Imaging Findings). Required to sign a report flagged critical.
 */
public record CriticalResultNotice(String notifiedWhom, NotificationMethod method, Instant notifiedAt) {
    /** Clocks of two machines disagree a little; a notice a few minutes "ahead" is still believable. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    /** Checks the notice against the signing time; each problem names its form field. */
    void check(Instant now, FormValidation form) {
        form.field("notifiedWhom", () -> Text.required(notifiedWhom, "Who was notified", 120));
        if (method == null) {
            form.reject("notificationMethod", "Say how the result was communicated");
        }
        if (notifiedAt == null) {
            form.reject("notifiedAt", "Say when the result was communicated");
        } else if (notifiedAt.isAfter(now.plus(CLOCK_SLACK))) {
            form.reject("notifiedAt", "The notification time is in the future");
        }
    }

    /** One line for the report text, the PDF and the audit trail. */
    public String describe(java.time.ZoneId zone) {
        return "Critical result communicated to " + notifiedWhom.strip() + " by " + method.label().toLowerCase(java.util.Locale.ROOT)
                + " at " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(notifiedAt.atZone(zone)) + ".";
    }
}
