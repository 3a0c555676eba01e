package org.lightbox.dicom;

/** The colour-space equations of PS3.3 C.7.6.3.1.2 and PS3.5 (JPEG 2000 RCT), to 0xRRGGBB. */
final class ColourModel {
    private ColourModel() {
    }

    static int fullToRgb(int y, int cb, int cr) {
        return pack(y + 1.402 * (cr - 128), y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128), y + 1.772 * (cb - 128));
    }

    static int partialToRgb(int y, int cb, int cr) {
        double luma = 1.1644 * (y - 16);
        return pack(luma + 1.5960 * (cr - 128), luma - 0.3918 * (cb - 128) - 0.8130 * (cr - 128), luma + 2.0172 * (cb - 128));
    }

    /** ISO 15444-1 G.2: G = Y - floor((Cb + Cr) / 4), R = Cr + G, B = Cb + G, with Cb and Cr centred on 0. */
    static int reversibleToRgb(int y, int cb, int cr) {
        int g = y - Math.floorDiv(cb - 128 + cr - 128, 4);
        return pack(cr - 128 + g, g, cb - 128 + g);
    }

    private static int pack(double r, double g, double b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
