package org.lightbox.viewer;

import org.lightbox.domain.InvalidValueException;

/** A named window for a number key, e.g. "Brain" 40/80 on key 1. */
public record WindowPreset(String name, double center, double width) {

    /** @throws InvalidValueException naming the field (of {@link ViewerSettings#ctPresets()}) that is wrong */
    public WindowPreset {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("ctPresets: every window preset needs a name");
        }
        if (!Double.isFinite(center)) {
            throw new InvalidValueException("ctPresets: the centre of preset " + name + " must be a number");
        }
        // PS3.3 C.11.2.1.2: Window Width shall be 1 or more.
        if (!(width >= 1)) {
            throw new InvalidValueException("ctPresets: the width of preset " + name + " must be at least 1, not "
                    + (width == Math.rint(width) ? Long.toString((long) width) : Double.toString(width)));
        }
    }

    public WindowLevel window() {
        return new WindowLevel(center, width);
    }
}
