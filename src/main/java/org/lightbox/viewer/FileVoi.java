package org.lightbox.viewer;

import org.lightbox.dicom.DicomHeader.VoiWindow;
import org.lightbox.dicom.Greyscale;

/**
 * The VOI transformations a file offers (PS3.3 C.11.2): its windows, then its VOI LUTs, stepped
 * through in turn and round to the first.
 */
final class FileVoi {
    /** @param name for the status line, e.g. "BONE (C 600 W 2800)" or "VOI LUT 1" */
    record Choice(GreyPresentation presentation, String name) {
    }

    private FileVoi() {
    }

    /** The choice after the one {@code now} shows (the first when it shows none of them); null when the file offers none. */
    static Choice after(Greyscale greyscale, GreyPresentation now) {
        int windows = greyscale.windows().size();
        int choices = windows + greyscale.voiLuts().size();
        if (choices == 0) {
            return null;
        }
        int current = now.voiLutIndex() >= 0 ? windows + now.voiLutIndex()
                : greyscale.windows().stream().map(WindowLevel::of).toList().indexOf(now.window());
        int next = (current + 1) % choices;
        if (next < windows) {
            VoiWindow w = greyscale.windows().get(next);
            String name = (w.explanation().isBlank() ? "Window " + (next + 1) : w.explanation())
                    + " (" + WindowLevel.of(w).label() + ")";
            return new Choice(new GreyPresentation(WindowLevel.of(w), -1, now.inverted()), name);
        }
        int lut = next - windows;
        String explanation = greyscale.voiLuts().get(lut).explanation();
        return new Choice(new GreyPresentation(now.window(), lut, now.inverted()),
                explanation.isBlank() ? "VOI LUT " + (lut + 1) : explanation);
    }
}
