package org.lightbox.viewer;

/**
 * A frame ready for the screen or a PNG: one opaque {@code 0xAARRGGBB} value per pixel. For a grey
 * frame red, green and blue are equal.
 */
public record RenderedImage(int columns, int rows, int[] argb, boolean colour) {

    /** The 8-bit grey level of a pixel of a grey image. */
    public int grey(int index) {
        return argb[index] & 0xff;
    }
}
