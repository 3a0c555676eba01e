package org.lightbox.dicom;

import java.util.Objects;

/**
 * A DICOM lookup table (PS3.3 C.11.1.1 modality LUT, C.11.2.1.1 VOI LUT): input values from
 * {@code firstMapped} on map to {@code entries}; inputs below the first map to the first entry,
 * above the last to the last.
 *
 * @param bitsPerEntry the third value of the LUT Descriptor: the output range is 0..2^bits-1
 */
public record LookupTable(int firstMapped, int bitsPerEntry, int[] entries, String explanation) {

    public LookupTable {
        Objects.requireNonNull(entries);
        if (entries.length == 0) {
            throw new IllegalArgumentException("a lookup table needs at least one entry");
        }
        explanation = explanation == null ? "" : explanation;
    }

    public int lookup(int input) {
        int index = input - firstMapped;
        return entries[index < 0 ? 0 : Math.min(index, entries.length - 1)];
    }

    /** The largest value the table can output, 2^bits - 1. */
    public int maximumOutput() {
        return (1 << bitsPerEntry) - 1;
    }
}
