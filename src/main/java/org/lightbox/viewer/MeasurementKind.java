package org.lightbox.viewer;

/** The measurements a reader can draw. */
public enum MeasurementKind {
    /** A line between two points: its length. */
    DISTANCE("distance"),
    /** An ellipse inscribed in the rectangle of two corners: mean, SD and area of the pixels inside. */
    ELLIPSE("ellipse");

    private final String code;

    MeasurementKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static MeasurementKind of(String code) {
        for (MeasurementKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown measurement kind " + code);
    }
}
