package org.lightbox.viewer;

/**
 * Pixel Spacing as the store keeps it: DICOM's own "row\column" in mm (0028,0030), also accepted
 * with a comma or as a JSON pair.
 */
final class PixelSpacingText {
    private PixelSpacingText() {
    }

    /** {row, column} in mm, or null when absent or not two positive numbers. */
    static double[] parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.replaceAll("[\\[\\]\\s]", "").split("[\\\\,]");
        if (parts.length != 2) {
            return null;
        }
        try {
            double row = Double.parseDouble(parts[0]);
            double column = Double.parseDouble(parts[1]);
            return row > 0 && column > 0 ? new double[] {row, column} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
