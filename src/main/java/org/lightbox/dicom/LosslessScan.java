package org.lightbox.dicom;

/**
 * The SOS scan header of a lossless JPEG image (ITU-T T.81 B.2.3, H.2.1): the Huffman table of its
 * one component, the selection value (predictor, Ss) and the point transform (Al).
 */
record LosslessScan(JpegHuffmanTable table, int predictor, int pointTransform) {

    static LosslessScan read(JpegMarkers.Segment segment, LosslessFrameHeader frame, JpegHuffmanTable[] tables)
            throws LosslessJpegException {
        int components = segment.u8(0);
        if (components != 1 || segment.u8(1) != frame.component()) {
            throw new LosslessJpegException("a scan of components the frame does not have");
        }
        int destination = segment.u8(2) >> 4;
        JpegHuffmanTable table = destination < tables.length ? tables[destination] : null;
        int predictor = segment.u8(3);
        int pointTransform = segment.u8(5) & 0x0f;
        if (table == null) {
            throw new LosslessJpegException("a scan whose Huffman table is not defined");
        }
        if (predictor < 1 || predictor > 7) {
            throw new LosslessJpegException("selection value " + predictor + " (hierarchical or not lossless)");
        }
        if (pointTransform >= frame.precision() || segment.u8(5) >> 4 != 0) {
            throw new LosslessJpegException("a point transform of " + pointTransform + " bits");
        }
        return new LosslessScan(table, predictor, pointTransform);
    }
}
