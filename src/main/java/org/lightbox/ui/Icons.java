package org.lightbox.ui;

import javafx.scene.shape.SVGPath;
import org.lightbox.domain.Priority;

/**
 * The small shapes the panes use. Vector paths rather than font glyphs: they render the same on every
 * machine, headless included. Colour comes from the stylesheet through the style classes.
 */
public final class Icons {
    private static final String TRIANGLE = "M6 0 L12 11 L0 11 Z";
    private static final String DIAMOND = "M6 0 L12 6 L6 12 L0 6 Z";
    private static final String DOT = "M6 2 A4 4 0 1 1 5.99 2 Z";
    private static final String LOCK = "M3 5 V3.5 A3 3 0 0 1 9 3.5 V5 H10.5 V12 H1.5 V5 Z M4.5 5 H7.5 V3.5 A1.5 1.5 0 0 0 4.5 3.5 Z";
    private static final String FLAG = "M1 0 H2.5 V12 H1 Z M2.5 0.5 H11 L8.5 3.5 L11 6.5 H2.5 Z";

    private Icons() {
    }

    public static SVGPath priority(Priority priority) {
        SVGPath icon = shape(switch (priority) {
            case STAT -> TRIANGLE;
            case URGENT -> DIAMOND;
            case ROUTINE -> DOT;
        }, "icon-priority");
        icon.getStyleClass().add("priority-" + priority.code());
        return icon;
    }

    public static SVGPath lock() {
        return shape(LOCK, "icon-lock");
    }

    public static SVGPath flag() {
        return shape(FLAG, "icon-flag");
    }

    private static SVGPath shape(String path, String styleClass) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }
}
