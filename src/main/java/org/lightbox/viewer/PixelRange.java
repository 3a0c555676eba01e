package org.lightbox.viewer;

import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;

/** The smallest and largest modality value in a frame, padding left out. */
public record PixelRange(double minimum, double maximum) {

    public static PixelRange of(GreyFrame frame) {
        Greyscale greyscale = frame.greyscale();
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int i = 0; i < frame.samples().length; i++) {
            int stored = frame.stored(i);
            if (!greyscale.isPadding(stored)) {
                low = Math.min(low, stored);
                high = Math.max(high, stored);
            }
        }
        if (low > high) {
            return new PixelRange(0, 0);
        }
        double a = greyscale.modalityValue(low);
        double b = greyscale.modalityValue(high);
        return new PixelRange(Math.min(a, b), Math.max(a, b));
    }

    /**
     * The window that spreads exactly this range over the grey levels under the LINEAR function
     * (PS3.3 C.11.2.1.2.1): the minimum shows black, the maximum white. dcmtk's min-max window is
     * the same.
     */
    public WindowLevel window() {
        return new WindowLevel((minimum + maximum + 1) / 2, maximum - minimum + 1);
    }
}
