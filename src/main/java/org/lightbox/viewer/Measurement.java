package org.lightbox.viewer;

import java.time.Instant;

/**
 * A measurement drawn on one frame, with its points in image pixel coordinates (column, row; the
 * centre of the first pixel is 0.5, 0.5) and its result as shown.
 *
 * @param frame counts from 0
 */
public record Measurement(String id, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, int frame,
                          MeasurementKind kind, double x1, double y1, double x2, double y2, String result,
                          Instant createdAt) {

    public boolean isOn(FrameKey key) {
        return sopInstanceUid.equals(key.sopInstanceUid()) && frame == key.frame();
    }
}
