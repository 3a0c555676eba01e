package org.lightbox.viewer;

import org.lightbox.dicom.RawFrame;

/** What loading a frame gave: the frame, or why it cannot be shown. */
public sealed interface FrameResult {

    record Ready(RawFrame frame) implements FrameResult {
    }

    /** @param message for the viewport, e.g. "the file is truncated: its pixel data is cut short" */
    record Failed(String message) implements FrameResult {
    }
}
