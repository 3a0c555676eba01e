package org.lightbox.dicom;

/**
 * One decoded frame, as stored in the file and before any grey-scale or colour presentation: what
 * the viewer caches, so that a new window is a lookup over these values, never a re-decode.
 */
public sealed interface RawFrame permits GreyFrame, ColourFrame {

    int columns();

    int rows();

    /** What the frame occupies in memory, for the cache's budget. */
    long bytes();
}
