package org.lightbox.dicom;

import java.util.Objects;

/**
 * A colour frame already converted to 8-bit RGB: RGB as it was, YBR_FULL/YBR_FULL_422 through the
 * equations of PS3.3 C.7.6.3.1.2, palette colour through its lookup tables (C.7.6.3.1.5).
 * Window/level does not apply to colour (PS3.3 C.11.2: VOI applies to grey-scale only).
 *
 * @param rgb one {@code 0xRRGGBB} value per pixel, row by row
 */
public record ColourFrame(int columns, int rows, int[] rgb) implements RawFrame {

    public ColourFrame {
        Objects.requireNonNull(rgb);
        if (rgb.length != columns * rows) {
            throw new IllegalArgumentException(rgb.length + " pixels for " + columns + "x" + rows);
        }
    }

    @Override
    public long bytes() {
        return 4L * rgb.length + 64;
    }
}
