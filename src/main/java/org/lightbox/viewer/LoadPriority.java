package org.lightbox.viewer;

/** Which decode work goes first: what is on screen, then around it, then the rest of what is open, then guesses. */
public enum LoadPriority {
    /** Neighbours of the slice a viewport shows. */
    AROUND_CURRENT,
    /** The rest of the series a viewport shows, and series thumbnails. */
    OPEN_SERIES,
    /** The next studies on the worklist and their priors, only while the workstation is idle. */
    IDLE
}
