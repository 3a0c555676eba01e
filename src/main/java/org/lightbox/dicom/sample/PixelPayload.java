package org.lightbox.dicom.sample;

/**
 * The Pixel Data (7FE0,0010) value of a synthetic instance: 16-bit words (written as OW) or bytes
 * (OB), all frames one after the other, samples interleaved (Planar Configuration 0). The Image
 * Pixel module attributes that describe them travel with the other attributes.
 */
public final class PixelPayload {

    private static final PixelPayload NONE = new PixelPayload(null, null);

    private final short[] words;
    private final byte[] bytes;

    private PixelPayload(short[] words, byte[] bytes) {
        this.words = words;
        this.bytes = bytes;
    }

    public static PixelPayload words(short[] words) {
        return new PixelPayload(words.clone(), null);
    }

    public static PixelPayload bytes(byte[] bytes) {
        return new PixelPayload(null, bytes.clone());
    }

    /** No Pixel Data at all, e.g. for a report or a deliberately broken test file. */
    public static PixelPayload none() {
        return NONE;
    }

    public boolean isEmpty() {
        return words == null && bytes == null;
    }

    short[] words() {
        return words;
    }

    byte[] bytes() {
        return bytes;
    }
}
