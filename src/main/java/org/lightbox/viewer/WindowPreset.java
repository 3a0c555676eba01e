package org.lightbox.viewer;

/** A named window for a number key, e.g. "Brain" 40/80 on key 1. */
public record WindowPreset(String name, double center, double width) {

    public WindowPreset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a window preset needs a name");
        }
        if (width < 1) {
            throw new IllegalArgumentException("the width of preset " + name + " must be at least 1");
        }
    }

    public WindowLevel window() {
        return new WindowLevel(center, width);
    }
}
