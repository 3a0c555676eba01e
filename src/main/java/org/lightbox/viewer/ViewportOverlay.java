package org.lightbox.viewer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.PersonName;
import org.lightbox.dicom.RawFrame;

/**
 * The four-corner overlay of a viewport: who and which study at the top, where in the stack and
 * how it is shown at the bottom. It always describes the picture on screen: while the next image is
 * still decoding, the number and location stay those of the image shown.
 *
 * @param topLeft     patient name and MRN
 * @param topRight    study date, description (prior or not) and series
 * @param bottomLeft  image number of the total, slice location
 * @param bottomRight window (or VOI LUT), inversion and zoom
 */
record ViewportOverlay(String topLeft, String topRight, String bottomLeft, String bottomRight) {
    static final ViewportOverlay EMPTY = new ViewportOverlay("", "", "", "");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);

    /**
     * @param shownIndex the index in the series of the image on screen, -1 for none
     * @param frame      its pixels, null when it could not be decoded
     */
    static ViewportOverlay of(ImageStudy study, ImageSeries series, int shownIndex, RawFrame frame,
                              GreyPresentation presentation, double scale, ZoneId zone) {
        if (study == null || series == null) {
            return EMPTY;
        }
        // The name as the images carry it, in the worklist's "FAMILY, Given" form rather than raw PN carets.
        String topLeft = PersonName.parse(study.patientName()).displayName() + "\nMRN " + study.patientId();
        String topRight = (study.performedAt() == null ? "" : DATE.format(study.performedAt().atZone(zone)) + "  ")
                + study.description() + (study.prior() ? "  (prior)" : "") + "\n" + series.label();
        if (shownIndex < 0 || shownIndex >= series.size()) {
            return new ViewportOverlay(topLeft, topRight, "", "");
        }
        StackImage shown = series.images().get(shownIndex);
        String location = shown.sliceLocation() == null ? ""
                : String.format(Locale.ROOT, "\nLoc %.1f mm", shown.sliceLocation());
        String bottomLeft = "Im " + (shownIndex + 1) + "/" + series.size() + location;
        String window = "";
        if (frame instanceof GreyFrame && presentation != null) {
            window = (presentation.voiLutIndex() >= 0 ? "VOI LUT " + (presentation.voiLutIndex() + 1)
                    : presentation.window().label()) + (presentation.inverted() ? "  inv" : "");
        }
        return new ViewportOverlay(topLeft, topRight, bottomLeft, window + String.format(Locale.ROOT, "\nZoom %.2fx", scale));
    }
}
