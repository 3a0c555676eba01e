package org.lightbox.viewer;

import java.util.Locale;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;
import org.lightbox.dicom.RawFrame;

/** The numbers behind a measurement: lengths from Pixel Spacing, and statistics inside an ellipse. */
public final class MeasurementMath {
    private MeasurementMath() {
    }

    /**
     * The length of a line in mm when the pixel spacing is known (PS3.3 10.7.1.3: row spacing is
     * the vertical distance, column spacing the horizontal), else in pixels, saying so.
     */
    public static String distance(double x1, double y1, double x2, double y2, double[] pixelSpacing) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        if (pixelSpacing == null) {
            return String.format(Locale.ROOT, "%.1f pixels", Math.hypot(dx, dy));
        }
        return String.format(Locale.ROOT, "%.1f mm", Math.hypot(dx * pixelSpacing[1], dy * pixelSpacing[0]));
    }

    /** Mean, standard deviation and area of the pixels whose centres lie inside an ellipse. */
    public record RoiStatistics(double mean, double standardDeviation, double area, int pixels, boolean areaInMm,
                                String unit) {

        public String label() {
            String value = String.format(Locale.ROOT, "mean %.1f%s  SD %.1f", mean, unit.isEmpty() ? "" : " " + unit,
                    standardDeviation);
            String areaText = areaInMm ? String.format(Locale.ROOT, "%.1f mm²", area)
                    : String.format(Locale.ROOT, "%d pixels", pixels);
            return value + "  area " + areaText;
        }
    }

    /**
     * Statistics of modality values (HU on CT) inside the ellipse inscribed in the box of two
     * corners; padding pixels are left out. Colour frames give the mean of the luminance.
     */
    public static RoiStatistics ellipse(RawFrame frame, double x1, double y1, double x2, double y2,
                                        double[] pixelSpacing, String modality) {
        double cx = (x1 + x2) / 2;
        double cy = (y1 + y2) / 2;
        double rx = Math.max(0.5, Math.abs(x2 - x1) / 2);
        double ry = Math.max(0.5, Math.abs(y2 - y1) / 2);
        int columns = frame.columns();
        double sum = 0;
        double squares = 0;
        int n = 0;
        int top = Math.max(0, (int) Math.floor(cy - ry));
        int bottom = Math.min(frame.rows() - 1, (int) Math.ceil(cy + ry));
        int left = Math.max(0, (int) Math.floor(cx - rx));
        int right = Math.min(columns - 1, (int) Math.ceil(cx + rx));
        for (int row = top; row <= bottom; row++) {
            for (int column = left; column <= right; column++) {
                double u = (column + 0.5 - cx) / rx;
                double v = (row + 0.5 - cy) / ry;
                if (u * u + v * v > 1) {
                    continue;
                }
                Double value = value(frame, row * columns + column);
                if (value != null) {
                    sum += value;
                    squares += value * value;
                    n++;
                }
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double variance = n < 2 ? 0 : Math.max(0, (squares - n * mean * mean) / (n - 1));
        boolean mm = pixelSpacing != null;
        double area = mm ? Math.PI * rx * ry * pixelSpacing[0] * pixelSpacing[1] : Math.PI * rx * ry;
        return new RoiStatistics(mean, Math.sqrt(variance), area, n, mm, unit(frame, modality));
    }

    private static Double value(RawFrame frame, int index) {
        if (frame instanceof GreyFrame grey) {
            int stored = grey.stored(index);
            Greyscale g = grey.greyscale();
            return g.isPadding(stored) ? null : g.modalityValue(stored);
        }
        int[] rgb = ((org.lightbox.dicom.ColourFrame) frame).rgb();
        int p = rgb[index];
        return 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
    }

    /** HU on CT (PS3.3 C.8.2.1.1.2: CT rescales to Hounsfield units), the Rescale Type if given. */
    private static String unit(RawFrame frame, String modality) {
        if (!(frame instanceof GreyFrame grey)) {
            return "";
        }
        if (!grey.greyscale().rescaleType().isBlank() && !"US".equals(grey.greyscale().rescaleType())) {
            return grey.greyscale().rescaleType();
        }
        return "CT".equalsIgnoreCase(modality) ? "HU" : "";
    }
}
