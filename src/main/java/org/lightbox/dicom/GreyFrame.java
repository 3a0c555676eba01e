package org.lightbox.dicom;

import java.util.Objects;

/**
 * A grey-scale frame (MONOCHROME1 or MONOCHROME2): one stored value per pixel, already masked to
 * Bits Stored and sign-extended when Pixel Representation says two's complement (PS3.5 8.1.1), so
 * that {@link #stored(int)} is the stored pixel value the modality LUT starts from.
 *
 * @param samples the stored values, row by row; read them through {@link #stored(int)} since an
 *                unsigned 16-bit value does not fit a Java short
 */
public record GreyFrame(int columns, int rows, short[] samples, Greyscale greyscale) implements RawFrame {

    public GreyFrame {
        Objects.requireNonNull(samples);
        Objects.requireNonNull(greyscale);
        if (samples.length != columns * rows) {
            throw new IllegalArgumentException(samples.length + " samples for " + columns + "x" + rows);
        }
    }

    /** The stored value of pixel {@code index} (row * columns + column). */
    public int stored(int index) {
        return greyscale.signed() ? samples[index] : samples[index] & 0xffff;
    }

    @Override
    public long bytes() {
        return 2L * samples.length + 64;
    }
}
