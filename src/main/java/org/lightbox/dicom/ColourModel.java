package org.lightbox.dicom;

/** The colour-space equations of PS3.3 C.7.6.3.1.2 and PS3.5 (JPEG 2000 RCT), to 0xRRGGBB. */
final class ColourModel {
    /** Full scale of an 8-bit sample; the YBR_FULL inverse centres chroma on half of it. */
    private static final double MAX = 255;

    private ColourModel() {
    }

    /**
     * YBR_FULL to RGB. PS3.3 C.7.6.3.1.2 defines YBR_FULL only by its forward equations
     * (Y = .2990R + .5870G + .1140B, CB = -.1687R - .3313G + .5000B + 128,
     * CR = .5000R - .4187G - .0813B + 128) and leaves the inverse to the reader. This is the inverse
     * dcmtk's renderer uses (coefficients 1.4020, 0.3441, 0.7141, 1.7720, chroma centred on 127.5),
     * because the viewer is held to within one level of {@code dcmj2pnm}. dcmtk truncates the result,
     * per term in its 8-bit YBR_FULL tables but once per sample in its YBR_FULL_422 path, and those two
     * disagree by up to two levels in green; rounding up instead lands within one level of both. Like
     * dcmtk's, the result sits up to two levels above the exact inverse in red and blue.
     */
    static int fullToRgb(int y, int cb, int cr) {
        return packUp(y + 1.4020 * cr - 0.7010 * MAX,
                y - 0.3441 * cb - 0.7141 * cr + 0.5291 * MAX,
                y + 1.7720 * cb - 0.8859 * MAX);
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
        return clamp(Math.round(r)) << 16 | clamp(Math.round(g)) << 8 | clamp(Math.round(b));
    }

    private static int packUp(double r, double g, double b) {
        return clamp((long) Math.ceil(r)) << 16 | clamp((long) Math.ceil(g)) << 8 | clamp((long) Math.ceil(b));
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
