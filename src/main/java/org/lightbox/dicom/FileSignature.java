package org.lightbox.dicom;

import java.nio.charset.StandardCharsets;

/**
 * What the first bytes of a file say it is, decided before PixelMed sees it: PixelMed tries hard to
 * read anything as DICOM, which turns a README on a patient CD into a long error log and, now and
 * then, into a RuntimeException.
 */
enum FileSignature {
    /** 128-byte preamble, then "DICM" (PS3.10 7.1): a Part 10 file. */
    PART_10,
    /** No preamble, but the bytes start like a data set: a raw data set or a meta header without its preamble. */
    DATA_SET,
    /** Starts with "DICM": the preamble was cut off, so the file was damaged in transfer. */
    PREAMBLE_MISSING,
    EMPTY,
    NOT_DICOM;

    static final int PREAMBLE_LENGTH = 128;
    static final int BYTES_NEEDED = PREAMBLE_LENGTH + 4;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

    /**
     * @param head the first {@link #BYTES_NEEDED} bytes of the file, or all of it if shorter
     */
    static FileSignature of(byte[] head) {
        if (head.length == 0) {
            return EMPTY;
        }
        if (head.length >= BYTES_NEEDED && startsWithMagicAt(head, PREAMBLE_LENGTH)) {
            return PART_10;
        }
        if (startsWithMagicAt(head, 0)) {
            return PREAMBLE_MISSING;
        }
        return head.length >= 8 && startsLikeDataSet(head) ? DATA_SET : NOT_DICOM;
    }

    private static boolean startsWithMagicAt(byte[] head, int offset) {
        if (head.length < offset + MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[offset + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A data set starts with the lowest group it holds. In practice that is the meta group (0002)
     * of a file saved without preamble, or the identifying group (0008) of a raw data set, in either
     * byte order. Requiring one of these keeps text and image files out.
     */
    private static boolean startsLikeDataSet(byte[] head) {
        int littleEndianGroup = (head[0] & 0xff) | (head[1] & 0xff) << 8;
        int bigEndianGroup = (head[0] & 0xff) << 8 | (head[1] & 0xff);
        return isLeadingGroup(littleEndianGroup) || isLeadingGroup(bigEndianGroup);
    }

    private static boolean isLeadingGroup(int group) {
        return group == 0x0002 || group == 0x0008;
    }
}
