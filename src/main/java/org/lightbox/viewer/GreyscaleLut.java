package org.lightbox.viewer;

import org.lightbox.dicom.Greyscale;
import org.lightbox.dicom.LookupTable;

/**
 * The whole grey-scale pipeline of PS3.4 N.2.1 folded into one table from stored value to display
 * pixel: modality LUT or rescale, then VOI (window or VOI LUT), then the presentation LUT shape
 * (MONOCHROME1 is shown inverted, C.7.6.3.1.2), then the user's invert. Padding pixels
 * (C.7.5.1.1.2) are black. Building it touches each possible stored value once (at most 65,536);
 * applying it is one array read per pixel, which is what makes window/level instant.
 */
final class GreyscaleLut {
    private static final int BLACK = 0xff000000;

    private final Greyscale greyscale;
    private final int[] table;

    private GreyscaleLut(Greyscale greyscale, int[] table) {
        this.greyscale = greyscale;
        this.table = table;
    }

    static GreyscaleLut build(Greyscale greyscale, GreyPresentation presentation) {
        LookupTable voiLut = presentation.voiLutIndex() >= 0 && presentation.voiLutIndex() < greyscale.voiLuts().size()
                ? greyscale.voiLuts().get(presentation.voiLutIndex()) : null;
        WindowLevel window = presentation.window();
        VoiFunction function = VoiFunction.of(greyscale.voiLutFunction());
        boolean invert = greyscale.monochrome1() ^ presentation.inverted();
        int min = greyscale.minimumStored();
        int[] table = new int[greyscale.maximumStored() - min + 1];
        for (int i = 0; i < table.length; i++) {
            int stored = min + i;
            if (greyscale.isPadding(stored)) {
                table[i] = BLACK;
                continue;
            }
            double x = greyscale.modalityValue(stored);
            double y = voiLut != null
                    ? voiLut.lookup((int) Math.round(x)) * 255.0 / voiLut.maximumOutput()
                    : function.apply(x, window.center(), window.width(), 255);
            int grey = (int) Math.max(0, Math.min(255, Math.round(y)));
            if (invert) {
                grey = 255 - grey;
            }
            table[i] = BLACK | grey << 16 | grey << 8 | grey;
        }
        return new GreyscaleLut(greyscale, table);
    }

    /** Applies the table to stored values, into {@code target} (one ARGB value per pixel). */
    void apply(short[] samples, int[] target) {
        int[] t = table;
        if (greyscale.signed()) {
            int offset = -greyscale.minimumStored();
            for (int i = 0; i < samples.length; i++) {
                target[i] = t[samples[i] + offset];
            }
        } else {
            for (int i = 0; i < samples.length; i++) {
                target[i] = t[samples[i] & 0xffff];
            }
        }
    }
}
