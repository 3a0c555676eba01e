package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

/**
 * A minimal JPEG lossless encoder (ITU-T T.81 H, selection value 1) that writes what dcmcjpeg does
 * not: a restart marker every few rows (DRI, RSTn) and any precision from 2 to 16 bits. Its files
 * are checked against dcmdjpeg, the independent decoder, not just against Lightbox's own.
 */
final class RestartIntervalJpeg {
    /** 17 categories: 14 four-bit codes, then 3 five-bit ones (no code is all 1-bits, T.81 C). */
    private static final int[] COUNTS = {0, 0, 0, 14, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long bits;
    private int count;

    private RestartIntervalJpeg() {
    }

    /** Writes {@code plain}'s data set with {@code samples} encoded as one JPEG lossless frame. */
    static Path write(Path plain, Path target, int[] samples, int columns, int rows, int precision, int rowsPerRestart)
            throws Exception {
        return wrap(plain, target, new RestartIntervalJpeg().encode(samples, columns, rows, precision, rowsPerRestart));
    }

    /** Writes {@code plain}'s data set with {@code jpeg} as its one compressed frame, whatever its bytes. */
    static Path wrap(Path plain, Path target, byte[] jpeg) throws Exception {
        if (jpeg.length % 2 == 1) {
            jpeg = java.util.Arrays.copyOf(jpeg, jpeg.length + 1);
        }
        AttributeList list = new AttributeList();
        list.read(plain.toString());
        list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][] {jpeg}));
        list.remove(TagFromName.TransferSyntaxUID);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.JPEGLosslessSV1, "LIGHTBOX");
        list.write(target.toString(), TransferSyntax.JPEGLosslessSV1, true, true);
        return target;
    }

    private byte[] encode(int[] samples, int columns, int rows, int precision, int rowsPerRestart) {
        marker(0xd8);
        segment(0xc3, precision, rows >> 8, rows, columns >> 8, columns, 1, 1, 0x11, 0);
        int[] dht = new int[1 + 16 + 17];
        System.arraycopy(COUNTS, 0, dht, 1, 16);
        for (int i = 0; i < 17; i++) {
            dht[17 + i] = i;
        }
        segment(0xc4, dht);
        int interval = rowsPerRestart * columns;
        segment(0xdd, interval >> 8, interval);
        segment(0xda, 1, 1, 0x00, 1, 0, 0);
        int restarts = 0;
        for (int y = 0; y < rows; y++) {
            boolean restart = y % rowsPerRestart == 0;
            if (restart && y > 0) {
                flush();
                marker(0xd0 + (restarts++ & 7));
            }
            for (int x = 0; x < columns; x++) {
                int i = y * columns + x;
                int prediction;
                if (x > 0) {
                    prediction = samples[i - 1];
                } else {
                    prediction = restart ? 1 << (precision - 1) : samples[i - columns];
                }
                code(samples[i] - prediction);
            }
        }
        flush();
        marker(0xd9);
        return out.toByteArray();
    }

    /** One difference, reduced modulo 2^16 to -32767..32768 (H.1.2.1), as category code and bits. */
    private void code(int difference) {
        int d = difference & 0xffff;
        if (d > 32768) {
            d -= 65536;
        }
        int category = d == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
        // canonical codes: categories 0-13 are 0000-1101, 14-16 are 11100-11110
        if (category < 14) {
            put(category, 4);
        } else {
            put(0b11100 + category - 14, 5);
        }
        if (category > 0 && category < 16) {
            put(d > 0 ? d : d - 1, category); // a negative difference as the low bits of d - 1 (F.1.2.1.1)
        }
    }

    private void put(int value, int length) {
        bits = bits << length | value & ((1L << length) - 1);
        count += length;
        while (count >= 8) {
            int b = (int) (bits >> (count - 8)) & 0xff;
            out.write(b);
            if (b == 0xff) {
                out.write(0); // byte stuffing (F.1.2.3)
            }
            count -= 8;
        }
    }

    /** Pads the last byte with 1-bits (F.1.2.3). */
    private void flush() {
        if (count > 0) {
            put(0xff, 8 - count);
        }
        bits = 0;
    }

    private void marker(int code) {
        out.write(0xff);
        out.write(code);
    }

    private void segment(int code, int... parameters) {
        marker(code);
        int length = parameters.length + 2;
        out.write(length >> 8);
        out.write(length);
        for (int p : parameters) {
            out.write(p);
        }
    }
}
