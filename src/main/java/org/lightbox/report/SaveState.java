package org.lightbox.report;

import java.time.Duration;
import java.time.Instant;

/** What the editor says about the draft on disk: "Saved 3 s ago", "Saving...", "Unsaved changes", or why it is not saved. */
record SaveState(Instant savedAt, boolean dirty, boolean saving, String error) {
    static final SaveState NOTHING = new SaveState(null, false, false, null);

    String describe(Instant now) {
        if (error != null) {
            return "Not saved: " + error;
        }
        if (saving) {
            return "Saving...";
        }
        if (dirty) {
            return "Unsaved changes";
        }
        if (savedAt == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(savedAt, now).toSeconds());
        if (seconds < 2) {
            return "Saved just now";
        }
        return seconds < 60 ? "Saved " + seconds + " s ago" : "Saved " + seconds / 60 + " min ago";
    }
}
