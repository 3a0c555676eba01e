package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.UNDECODABLE_PIXELS;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.DicomException;
import java.nio.file.Path;

/**
 * The samples of a Pixel Data value as PixelMed hands them over (16-bit words for OW, bytes for
 * OB, whatever the file said), cut into frames. Words hold 8-bit samples two to a word, low byte
 * first, as PS3.5 8.1.1 lays them out in a little endian stream.
 */
final class PixelSamples {
    private final short[] words;
    private final byte[] bytes;
    private final int bitsAllocated;

    private PixelSamples(short[] words, byte[] bytes, int bitsAllocated) {
        this.words = words;
        this.bytes = bytes;
        this.bitsAllocated = bitsAllocated;
    }

    static PixelSamples of(Path file, Attribute pixelData, int bitsAllocated) throws DicomException, DicomReadException {
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, bitsAllocated
                    + " bits allocated per sample is not displayable here (only 8 and 16 are)");
        }
        boolean ow = "OW".equals(pixelData.getVRAsString());
        short[] words = ow ? pixelData.getShortValues() : null;
        byte[] bytes = ow ? null : pixelData.getByteValues();
        if (bitsAllocated == 16 && words == null) {
            words = new short[bytes.length / 2];
            for (int i = 0; i < words.length; i++) {
                words[i] = (short) (bytes[2 * i] & 0xff | bytes[2 * i + 1] << 8);
            }
            bytes = null;
        } else if (bitsAllocated == 8 && bytes == null) {
            bytes = new byte[words.length * 2];
            for (int i = 0; i < words.length; i++) {
                bytes[2 * i] = (byte) words[i];
                bytes[2 * i + 1] = (byte) (words[i] >> 8);
            }
            words = null;
        }
        return new PixelSamples(words, bytes, bitsAllocated);
    }

    /** Samples decoded by Lightbox itself rather than by PixelMed, as 16-bit words. */
    static PixelSamples ofWords(short[] words) {
        return new PixelSamples(words, null, 16);
    }

    private int length() {
        return words != null ? words.length : bytes.length;
    }

    private int raw(int index) {
        return words != null ? words[index] & 0xffff : bytes[index] & 0xff;
    }

    private void checkAvailable(Path file, int frame, int offset, int count) throws DicomReadException {
        if (offset + count > length()) {
            throw new DicomReadException(file, DAMAGED, "the pixel data ends before frame " + (frame + 1) + " does");
        }
    }

    /**
     * Stored values of one grey frame: shifted down from High Bit, masked to Bits Stored, and
     * sign-extended for Pixel Representation 1 (PS3.5 8.1.1, PS3.3 C.7.6.3.1).
     */
    short[] grey(Path file, int frame, int pixels, Greyscale greyscale, int highBit) throws DicomReadException {
        int offset = frame * pixels;
        checkAvailable(file, frame, offset, pixels);
        int bitsStored = greyscale.bitsStored();
        int shift = Math.max(0, highBit + 1 - bitsStored);
        int mask = (1 << bitsStored) - 1;
        int signBit = 1 << (bitsStored - 1);
        boolean signed = greyscale.signed();
        short[] out = new short[pixels];
        if (shift == 0 && bitsStored == 16 && words != null) {
            System.arraycopy(words, offset, out, 0, pixels);
            return out;
        }
        for (int i = 0; i < pixels; i++) {
            int value = raw(offset + i) >> shift & mask;
            if (signed && (value & signBit) != 0) {
                value -= 1 << bitsStored;
            }
            out[i] = (short) value;
        }
        return out;
    }

    /** Palette indices of one frame, unsigned (PS3.3 C.7.6.3.1.5). */
    int[] indices(Path file, int frame, int pixels) throws DicomReadException {
        int offset = frame * pixels;
        checkAvailable(file, frame, offset, pixels);
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            out[i] = raw(offset + i);
        }
        return out;
    }

    /** One colour frame as 0xRRGGBB, whatever its colour model and planar configuration. */
    int[] colour(Path file, int frame, int columns, int rows, String photometric, int planar, int bitsStored)
            throws DicomReadException {
        int pixels = columns * rows;
        if (photometric.endsWith("_422")) {
            return subsampled(file, frame, pixels, photometric);
        }
        if (photometric.endsWith("_420")) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, photometric + " (MPEG colour) is not displayable here");
        }
        int offset = frame * pixels * 3;
        checkAvailable(file, frame, offset, pixels * 3);
        int down = bitsAllocated == 16 ? Math.max(0, bitsStored - 8) : 0;
        int[] out = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            int a = planar == 0 ? offset + 3 * i : offset + i;
            int step = planar == 0 ? 1 : pixels;
            int c1 = Math.min(255, raw(a) >> down);
            int c2 = Math.min(255, raw(a + step) >> down);
            int c3 = Math.min(255, raw(a + 2 * step) >> down);
            out[i] = switch (photometric) {
                case "RGB" -> c1 << 16 | c2 << 8 | c3;
                case "YBR_RCT" -> ColourModel.reversibleToRgb(c1, c2, c3);
                default -> ColourModel.fullToRgb(c1, c2, c3); // YBR_FULL, YBR_ICT
            };
        }
        return out;
    }

    /** YBR_FULL_422 / YBR_PARTIAL_422 uncompressed: Y1 Y2 Cb Cr for each horizontal pair (PS3.3 C.7.6.3.1.2). */
    private int[] subsampled(Path file, int frame, int pixels, String photometric) throws DicomReadException {
        int offset = frame * pixels * 2;
        checkAvailable(file, frame, offset, pixels * 2);
        boolean partial = photometric.startsWith("YBR_PARTIAL");
        int[] out = new int[pixels];
        for (int i = 0; i + 1 < pixels; i += 2) {
            int a = offset + 2 * i;
            int cb = raw(a + 2);
            int cr = raw(a + 3);
            out[i] = partial ? ColourModel.partialToRgb(raw(a), cb, cr) : ColourModel.fullToRgb(raw(a), cb, cr);
            out[i + 1] = partial ? ColourModel.partialToRgb(raw(a + 1), cb, cr) : ColourModel.fullToRgb(raw(a + 1), cb, cr);
        }
        return out;
    }
}
