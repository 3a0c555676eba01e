package org.lightbox.viewer;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a decoded frame really takes on the heap. Under G1 an array of half a heap region or more
 * is "humongous" and occupies whole regions of its own (HotSpot GC tuning guide, "Humongous
 * Objects"): with the 1 MB regions of a heap up to 2 GB, a 512x512 16-bit frame (512 KB) takes
 * 1 MB. The cache counts that, so its budget holds for the real heap.
 */
final class HeapFootprint {
    private static final long REGION = regionBytes();

    private HeapFootprint() {
    }

    static long of(long bytes) {
        if (REGION <= 0 || bytes < REGION / 2) {
            return bytes;
        }
        return (bytes + REGION - 1) / REGION * REGION;
    }

    private static long regionBytes() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null || !Boolean.parseBoolean(hotSpot.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException e) {
            return 0; // not HotSpot, or no such option: count plain bytes
        }
    }
}
