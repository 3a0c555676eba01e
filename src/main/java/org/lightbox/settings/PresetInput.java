package org.lightbox.settings;

/** One row of the CT presets form as typed: a row left blank means no preset on that key. */
public record PresetInput(String name, String center, String width) {
    public PresetInput {
        name = name == null ? "" : name.strip();
        center = center == null ? "" : center.strip();
        width = width == null ? "" : width.strip();
    }

    boolean isBlank() {
        return name.isEmpty() && center.isEmpty() && width.isEmpty();
    }
}
