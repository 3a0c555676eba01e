package org.lightbox.viewer;

/**
 * How an image sits in its viewport: fitted or at a scale (screen pixels per image pixel), panned,
 * rotated in quarter turns clockwise, flipped as the reader sees it (left-right and up-down on the
 * screen, after the rotation). Immutable; the viewport swaps it as the user acts.
 */
public record ViewTransform(boolean fit, double scale, double panX, double panY, int quarterTurns,
                            boolean flippedHorizontally, boolean flippedVertically) {
    public static final ViewTransform FIT = new ViewTransform(true, 1, 0, 0, 0, false, false);
    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 40;

    public ViewTransform {
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale));
        quarterTurns = Math.floorMod(quarterTurns, 4);
    }

    /** The scale on screen: the fitted one when fitting, which depends on the viewport and the rotation. */
    public double effectiveScale(double viewportWidth, double viewportHeight, int columns, int rows) {
        if (!fit) {
            return scale;
        }
        boolean sideways = quarterTurns % 2 == 1;
        double w = sideways ? rows : columns;
        double h = sideways ? columns : rows;
        if (w <= 0 || h <= 0 || viewportWidth <= 0 || viewportHeight <= 0) {
            return 1;
        }
        return Math.min(viewportWidth / w, viewportHeight / h);
    }

    public ViewTransform zoomed(double factor, double currentScale) {
        return new ViewTransform(false, currentScale * factor, panX, panY, quarterTurns, flippedHorizontally, flippedVertically);
    }

    public ViewTransform atScale(double newScale) {
        return new ViewTransform(false, newScale, panX, panY, quarterTurns, flippedHorizontally, flippedVertically);
    }

    public ViewTransform fitted() {
        return new ViewTransform(true, scale, 0, 0, quarterTurns, flippedHorizontally, flippedVertically);
    }

    public ViewTransform panned(double dx, double dy) {
        return new ViewTransform(fit, scale, panX + dx, panY + dy, quarterTurns, flippedHorizontally, flippedVertically);
    }

    public ViewTransform rotated(int quarters) {
        return new ViewTransform(fit, scale, panX, panY, quarterTurns + quarters, flippedHorizontally, flippedVertically);
    }

    public ViewTransform flippedLeftRight() {
        return new ViewTransform(fit, scale, panX, panY, quarterTurns, !flippedHorizontally, flippedVertically);
    }

    public ViewTransform flippedUpDown() {
        return new ViewTransform(fit, scale, panX, panY, quarterTurns, flippedHorizontally, !flippedVertically);
    }
}
