package org.lightbox.viewer;

import java.nio.file.Path;

/**
 * One image of a stack: a frame of an instance in the managed store, with what the overlay and the
 * measurements need without decoding it.
 *
 * @param frame         0-based frame index within the instance
 * @param pixelSpacing  row and column spacing in mm; null when the instance has none
 * @param sliceLocation Slice Location (0020,1041) in mm; null when absent
 */
public record StackImage(String sopInstanceUid, int frame, int frameCount, Integer instanceNumber, Double sliceLocation,
                         double[] pixelSpacing, Path file, int rows, int columns) {

    public FrameKey key() {
        return new FrameKey(sopInstanceUid, frame);
    }

    /** About what the decoded frame will take in the cache: 16-bit grey, the common case. */
    public long estimatedBytes() {
        return 2L * Math.max(1, rows) * Math.max(1, columns);
    }
}
