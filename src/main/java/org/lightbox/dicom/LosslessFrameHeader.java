package org.lightbox.dicom;

/**
 * The SOF3 frame header of a lossless JPEG image (ITU-T T.81 B.2.2) as this decoder takes it: one
 * component, 2 to 16 bits, and the size the DICOM header announces.
 *
 * @param component the component identifier a scan refers to it by
 */
record LosslessFrameHeader(int precision, int columns, int rows, int component) {

    static LosslessFrameHeader read(JpegMarkers.Segment segment, int columns, int rows) throws LosslessJpegException {
        int precision = segment.u8(0);
        int lines = segment.u16(1);
        int samplesPerLine = segment.u16(3);
        int components = segment.u8(5);
        if (components != 1) {
            throw new LosslessJpegException(components + " components (only grey-scale is decoded here)");
        }
        if (precision < 2 || precision > 16) {
            throw new LosslessJpegException("a sample precision of " + precision + " bits");
        }
        if (lines != rows || samplesPerLine != columns) {
            throw new LosslessJpegException("a " + samplesPerLine + "x" + lines + " JPEG image where the DICOM header says "
                    + columns + "x" + rows);
        }
        int sampling = segment.u8(7);
        if (sampling != 0x11) {
            throw new LosslessJpegException("a single component with sampling factors other than 1x1");
        }
        return new LosslessFrameHeader(precision, samplesPerLine, lines, segment.u8(6));
    }
}
