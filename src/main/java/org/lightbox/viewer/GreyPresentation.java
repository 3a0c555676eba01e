package org.lightbox.viewer;

/**
 * How the user wants a grey-scale frame shown: a window, or one of the file's VOI LUTs (by index,
 * -1 for none), and whether to invert on top of what the photometric interpretation says.
 */
public record GreyPresentation(WindowLevel window, int voiLutIndex, boolean inverted) {

    public static GreyPresentation window(WindowLevel window) {
        return new GreyPresentation(window, -1, false);
    }

    public GreyPresentation withWindow(WindowLevel newWindow) {
        return new GreyPresentation(newWindow, -1, inverted);
    }

    public GreyPresentation invertedToggled() {
        return new GreyPresentation(window, voiLutIndex, !inverted);
    }
}
