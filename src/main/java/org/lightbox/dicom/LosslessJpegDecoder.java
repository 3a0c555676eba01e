package org.lightbox.dicom;

/**
 * Decodes one grey-scale JPEG lossless image (ITU-T T.81 process 14, Annex H: SOF3, Huffman coded,
 * predictors 1 to 7, point transform, 2 to 16 bits, restart intervals): what most CT and MR comes
 * as from a PACS (transfer syntaxes 1.2.840.10008.1.2.4.57 and .70). It decodes straight into the
 * caller's array, with no allocation per pixel, because scrolling a stack decodes a frame per image
 * shown. Anything else (colour, arithmetic coding, hierarchical, a DNL marker) and any damage is a
 * {@link LosslessJpegException}, for the toolkit's decoder to have its go. Stateless.
 */
final class LosslessJpegDecoder {
    private static final int SOI = 0xd8;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int DHT = 0xc4;
    private static final int DRI = 0xdd;
    private static final int SOF3 = 0xc3;
    private static final int RST0 = 0xd0;

    /**
     * Decodes the image into {@code target}, row by row, as unsigned samples of the stream's
     * precision (0 to 65535 in a short).
     *
     * @param columns the width the stream must have
     * @param rows    the height the stream must have
     * @return the stream's sample precision in bits (P)
     */
    int decode(byte[] data, int columns, int rows, short[] target) throws LosslessJpegException {
        JpegMarkers markers = new JpegMarkers(data);
        if (markers.next() != SOI) {
            throw new LosslessJpegException("not a JPEG stream (no SOI marker)");
        }
        JpegHuffmanTable[] tables = new JpegHuffmanTable[4];
        LosslessFrameHeader frame = null;
        int restartInterval = 0;
        while (true) {
            int marker = markers.next();
            switch (marker) {
                case SOF3 -> frame = LosslessFrameHeader.read(markers.segment(), columns, rows);
                case DHT -> markers.huffmanTables(tables);
                case DRI -> restartInterval = markers.restartInterval();
                case SOS -> {
                    if (frame == null) {
                        throw new LosslessJpegException("a scan before the frame header");
                    }
                    LosslessScan scan = LosslessScan.read(markers.segment(), frame, tables);
                    int end = decodeScan(data, markers.position(), frame, scan, restartInterval, target);
                    markers.seek(end);
                    if (markers.next() != EOI) {
                        throw new LosslessJpegException("more than one scan, or data after the scan");
                    }
                    return frame.precision();
                }
                case EOI -> throw new LosslessJpegException("the stream ends before its scan");
                default -> {
                    if (marker >= 0xc0 && marker <= 0xcf) {
                        throw new LosslessJpegException(String.format("JPEG process of marker 0x%02X", marker));
                    }
                    markers.segment(); // APPn, COM, DQT...: not needed for lossless
                }
            }
        }
    }

    /** Decodes the entropy-coded data from {@code start}; returns the position of the marker after it. */
    private static int decodeScan(byte[] data, int start, LosslessFrameHeader frame, LosslessScan scan,
                                  int restartInterval, short[] target) throws LosslessJpegException {
        int columns = frame.columns();
        int rows = frame.rows();
        int rowsPerInterval = rows;
        if (restartInterval > 0) {
            if (restartInterval % columns != 0) {
                throw new LosslessJpegException("a restart interval that is not whole rows");
            }
            rowsPerInterval = restartInterval / columns;
        }
        JpegBitReader bits = new JpegBitReader(data, start, data.length);
        int initial = 1 << (frame.precision() - scan.pointTransform() - 1);
        int restarts = 0;
        for (int row = 0; row < rows; row += rowsPerInterval) {
            if (row > 0) {
                int marker = bits.finishSegment();
                if (marker < 0 || bits.overran()) {
                    throw new LosslessJpegException("damaged entropy-coded data before a restart marker");
                }
                int next = JpegMarkers.expect(data, marker, RST0 + (restarts++ & 7));
                bits.restartAt(next);
            }
            decodeRows(bits, scan.table(), scan.predictor(), target, columns, row, Math.min(rows, row + rowsPerInterval),
                    initial);
        }
        int marker = bits.finishSegment();
        if (marker < 0 || bits.overran()) {
            throw new LosslessJpegException("damaged or truncated entropy-coded data");
        }
        if (scan.pointTransform() > 0) {
            int shift = scan.pointTransform();
            for (int i = 0; i < columns * rows; i++) {
                target[i] = (short) (target[i] << shift);
            }
        }
        return marker;
    }

    /**
     * Rows {@code from} to {@code to - 1}, the first of which starts a restart interval (H.1.2.1):
     * its first sample is predicted from {@code initial}, the rest of it from the left, and every
     * later row's first sample from above.
     */
    private static void decodeRows(JpegBitReader bits, JpegHuffmanTable table, int predictor, short[] target,
                                   int columns, int from, int to, int initial) throws LosslessJpegException {
        int i = from * columns;
        int left = initial;
        for (int x = 0; x < columns; x++, i++) {
            left = left + difference(bits, table) & 0xffff;
            target[i] = (short) left;
        }
        for (int y = from + 1; y < to; y++) {
            int above = i - columns;
            int value = (target[above] & 0xffff) + difference(bits, table) & 0xffff;
            target[i++] = (short) value;
            for (int x = 1; x < columns; x++, i++, above++) {
                int a = value;
                int b = target[above + 1] & 0xffff;
                int c = target[above] & 0xffff;
                int prediction = switch (predictor) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> c;
                    case 4 -> a + b - c;
                    case 5 -> a + ((b - c) >> 1);
                    case 6 -> b + ((a - c) >> 1);
                    default -> (a + b) >> 1;
                };
                value = prediction + difference(bits, table) & 0xffff;
                target[i] = (short) value;
            }
        }
    }

    /** One coded difference (H.1.2.2, F.1.2.1): a category, then that many bits; category 16 is 32768. */
    private static int difference(JpegBitReader bits, JpegHuffmanTable table) throws LosslessJpegException {
        bits.fill();
        int category = table.decode(bits);
        if (category <= 0) {
            if (category < 0) {
                throw new LosslessJpegException("a Huffman code the table does not have");
            }
            return 0;
        }
        if (category == 16) {
            return 32768;
        }
        int value = bits.peek(category);
        bits.skip(category);
        return value < 1 << (category - 1) ? value - (1 << category) + 1 : value;
    }
}
