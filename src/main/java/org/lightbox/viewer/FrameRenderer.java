package org.lightbox.viewer;

import org.lightbox.dicom.ColourFrame;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;
import org.lightbox.dicom.RawFrame;

/**
 * Renders cached raw frames for display. It keeps the last lookup table: scrolling through a stack
 * shown with one window reuses it, and a window change rebuilds only the table, never the decode.
 * One renderer per viewport (not thread-safe).
 */
public final class FrameRenderer {
    private record LutKey(Greyscale greyscale, GreyPresentation presentation) {
    }

    private LutKey lastKey;
    private GreyscaleLut lastLut;

    public RenderedImage render(RawFrame frame, GreyPresentation presentation) {
        int[] target = new int[frame.columns() * frame.rows()];
        render(frame, presentation, target);
        return new RenderedImage(frame.columns(), frame.rows(), target, frame instanceof ColourFrame);
    }

    /** Renders into a caller's buffer of columns x rows pixels, so that scrolling allocates nothing. */
    public void render(RawFrame frame, GreyPresentation presentation, int[] target) {
        if (frame instanceof GreyFrame grey) {
            lut(grey.greyscale(), presentation).apply(grey.samples(), target);
        } else if (frame instanceof ColourFrame colour) {
            int flip = presentation.inverted() ? 0xffffff : 0;
            int[] rgb = colour.rgb();
            for (int i = 0; i < rgb.length; i++) {
                target[i] = 0xff000000 | rgb[i] ^ flip;
            }
        }
    }

    private GreyscaleLut lut(Greyscale greyscale, GreyPresentation presentation) {
        LutKey key = new LutKey(greyscale, presentation);
        if (!key.equals(lastKey)) {
            lastLut = GreyscaleLut.build(greyscale, presentation);
            lastKey = key;
        }
        return lastLut;
    }
}
