package org.lightbox.dicom;

import java.util.List;

/**
 * One instance read to its pixels: its header and the frames decoded, in frame order.
 *
 * @param firstFrame which frame (from 0) {@code frames} starts at: a viewer may decode only some
 */
public record DecodedImage(DicomHeader header, int firstFrame, List<RawFrame> frames) {

    public DecodedImage {
        frames = List.copyOf(frames);
    }

    /** How many frames the file has, decoded or not. */
    public int frameCount() {
        return header.geometry().numberOfFrames();
    }
}
