package org.lightbox.viewer;

/** What a left-button drag in a viewport does. */
public enum Tool {
    WINDOW("W/L"),
    PAN("Pan"),
    ZOOM("Zoom"),
    DISTANCE("Distance"),
    ELLIPSE("ROI");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
