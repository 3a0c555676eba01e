package org.lightbox.viewer;

import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;
import org.lightbox.dicom.RawFrame;

/**
 * How a frame is first shown (PS3.3 C.11.2): the first window the header lists (the modality's
 * intended default), else the first VOI LUT, else a window over the frame's pixel range.
 */
public final class InitialPresentation {
    private InitialPresentation() {
    }

    public static GreyPresentation of(RawFrame frame) {
        if (!(frame instanceof GreyFrame grey)) {
            return GreyPresentation.window(new WindowLevel(128, 256));
        }
        Greyscale greyscale = grey.greyscale();
        if (!greyscale.windows().isEmpty()) {
            return GreyPresentation.window(WindowLevel.of(greyscale.windows().get(0)));
        }
        WindowLevel range = PixelRange.of(grey).window();
        if (!greyscale.voiLuts().isEmpty()) {
            return new GreyPresentation(range, 0, false);
        }
        return GreyPresentation.window(range);
    }
}
