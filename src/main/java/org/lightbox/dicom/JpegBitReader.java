package org.lightbox.dicom;

/**
 * The bits of one entropy-coded segment of a JPEG stream (ITU-T T.81 F.1.2.3, F.2.2.5), most
 * significant first, with the stuffed zero after each 0xFF data byte removed. It stops at the
 * next marker and from there feeds zero bits, as T.81 decoders do, counting them, so that a
 * damaged stream shows up as bits read past the end instead of an exception in the hot loop.
 */
final class JpegBitReader {
    private final byte[] data;
    private final int end;
    private int position;
    /** Bits fetched but not yet consumed, in the low {@code available} bits. */
    private long buffer;
    private int available;
    /** How many of the {@code available} bits are zeros fed past the marker or the end. */
    private int padding;
    private boolean atMarker;

    JpegBitReader(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    /** Makes at least 57 bits available: enough for one Huffman code and its additional bits. */
    void fill() {
        while (available <= 56) {
            int b;
            if (atMarker || position >= end) {
                b = 0;
                padding += 8;
            } else {
                b = data[position] & 0xff;
                if (b == 0xff) {
                    if (position + 1 < end && data[position + 1] == 0) {
                        position += 2;
                    } else {
                        atMarker = true; // position stays on the marker's 0xFF
                        b = 0;
                        padding += 8;
                    }
                } else {
                    position++;
                }
            }
            buffer = buffer << 8 | b;
            available += 8;
        }
    }

    /** The next {@code count} (0 to 16) bits without consuming them; {@link #fill()} first. */
    int peek(int count) {
        return (int) (buffer >>> (available - count)) & ((1 << count) - 1);
    }

    void skip(int count) {
        available -= count;
    }

    /** Whether more bits were consumed than the segment holds: the stream is damaged or cut short. */
    boolean overran() {
        return available < padding;
    }

    /**
     * Ends the segment (T.81 F.1.2.3: it is padded with 1-bits to a byte boundary) and returns the
     * position of the marker after it, or -1 if real data is left over before that marker.
     */
    int finishSegment() {
        int unread = available - padding;
        if (unread < 0 || unread >= 8) {
            return -1;
        }
        int at = position;
        if (!atMarker && at < end && (data[at] & 0xff) != 0xff) {
            return -1;
        }
        return at;
    }

    /** Starts reading the segment at {@code start} (after a restart marker). */
    void restartAt(int start) {
        position = start;
        buffer = 0;
        available = 0;
        padding = 0;
        atMarker = false;
    }
}
