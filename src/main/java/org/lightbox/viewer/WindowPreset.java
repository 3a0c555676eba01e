package org.lightbox.viewer;

import org.lightbox.domain.InvalidValueException;

/** A named window for a number key, e.g. "Brain" 40/80 on key 1. */
public record WindowPreset(String name, double center, double width) {
    public static final int MAX_NAME_LENGTH = 24;

    public WindowPreset {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("A window preset needs a name");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException("Preset name " + name + " is too long (at most " + MAX_NAME_LENGTH + " characters)");
        }
        if (!Double.isFinite(center)) {
            throw new InvalidValueException("The centre of preset " + name + " must be a number");
        }
        if (!Double.isFinite(width)) {
            throw new InvalidValueException("The width of preset " + name + " must be a number");
        }
        if (width < 1) {
            String typed = width == Math.rint(width) ? Long.toString((long) width) : Double.toString(width);
            throw new InvalidValueException("The width of preset " + name + " must be at least 1, not " + typed);
        }
    }

    public WindowLevel window() {
        return new WindowLevel(center, width);
    }
}
