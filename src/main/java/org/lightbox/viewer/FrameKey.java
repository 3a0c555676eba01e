package org.lightbox.viewer;

/** One frame of one instance: what the frame cache is keyed by. {@code frame} counts from 0. */
public record FrameKey(String sopInstanceUid, int frame) {
}
