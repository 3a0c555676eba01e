package org.lightbox.viewer;

import java.util.Locale;
import org.lightbox.dicom.DicomHeader.VoiWindow;

/**
 * A VOI window (PS3.3 C.11.2.1.2) in modality units, e.g. HU on CT: the centre and the width of the
 * range of values spread over the grey levels. A width below 1 is raised to 1, as the standard requires.
 */
public record WindowLevel(double center, double width) {

    public WindowLevel {
        if (!Double.isFinite(center) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("a window needs a finite centre and width");
        }
        width = Math.max(1, width);
    }

    public static WindowLevel of(VoiWindow window) {
        return new WindowLevel(window.center(), window.width());
    }

    /**
     * The window after a mouse drag: right widens, left narrows, down raises the centre (the image
     * darkens), scaled to the current width so that a narrow brain window and a wide bone window
     * both respond usefully.
     */
    public WindowLevel dragged(double dx, double dy) {
        double step = Math.max(width, 20) / 256;
        return new WindowLevel(center + dy * step, width + dx * step);
    }

    /** "C 40 W 80", as the overlay shows it. */
    public String label() {
        return String.format(Locale.ROOT, "C %s W %s", number(center), number(width));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }
}
