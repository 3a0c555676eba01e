package org.lightbox.viewer;

/**
 * How many bytes of heap decoded frames may take. By default 40% of the maximum heap, at most
 * 768 MB, so the rest of the workstation always has room, and a 1,000-slice 512x512 CT (about
 * 525 MB of 16-bit frames) fits whole where the heap is large enough; the heap with it open stays
 * under 1 GB either way. Weasis sizes its cache the same way, from the memory the JVM may use
 * rather than a fixed count of images. {@link HeapFootprint} says what a frame really takes.
 */
public final class CacheBudget {
    static final long MEGABYTE = 1024L * 1024;
    private static final long DEFAULT_CEILING = 768 * MEGABYTE;
    private static final long FLOOR = 64 * MEGABYTE;

    private CacheBudget() {
    }

    /** @param configuredMegabytes the setting; 0 or less for the default */
    public static long bytes(int configuredMegabytes, long maxHeapBytes) {
        long ceiling = Math.max(FLOOR, maxHeapBytes * 8 / 10);
        if (configuredMegabytes > 0) {
            return Math.min(ceiling, configuredMegabytes * MEGABYTE);
        }
        return Math.max(FLOOR, Math.min(DEFAULT_CEILING, maxHeapBytes * 4 / 10));
    }

    /** The smallest cache a setting may ask for: below it a CT series would not stay decoded while scrolling. */
    public static final int MIN_MEGABYTES = (int) (FLOOR / MEGABYTE);

    /** The largest cache a setting may ask for with this heap; {@link #bytes} caps a larger one to it anyway. */
    public static int maxMegabytes(long maxHeapBytes) {
        return (int) Math.max(MIN_MEGABYTES, maxHeapBytes * 8 / 10 / MEGABYTE);
    }

    /** What the automatic size (a setting of 0) comes to with this heap. */
    public static int automaticMegabytes(long maxHeapBytes) {
        return (int) (bytes(0, maxHeapBytes) / MEGABYTE);
    }

    public static long forThisJvm(int configuredMegabytes) {
        return bytes(configuredMegabytes, Runtime.getRuntime().maxMemory());
    }
}
