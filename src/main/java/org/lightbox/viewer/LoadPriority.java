package org.lightbox.viewer;

/** Which decode work goes first: what is on screen, then around it, then the rest of what is open, then guesses. */
public enum LoadPriority {
    /** Neighbours of the slice a viewport shows. */
    AROUND_CURRENT(3),
    /** The rest of the series a viewport shows, and series thumbnails. */
    OPEN_SERIES(2),
    /** The next studies on the worklist and their priors, only while the workstation is idle. */
    IDLE(1);

    private final int rank;

    LoadPriority(int rank) {
        this.rank = rank;
    }

    /**
     * How strongly the frames this work wants are kept in the cache: work evicts only frames
     * wanted at a lower rank (or not at all, {@link FrameCache#UNWANTED}).
     */
    int rank() {
        return rank;
    }
}
