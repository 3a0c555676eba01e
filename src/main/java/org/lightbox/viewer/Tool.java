package org.lightbox.viewer;

/** What a left-button drag in a viewport does. */
public enum Tool {
    WINDOW("Window/level"),
    PAN("Pan"),
    ZOOM("Zoom"),
    DISTANCE("Distance"),
    ELLIPSE("Ellipse ROI");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
