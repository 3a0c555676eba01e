package org.lightbox.dicom;

/**
 * Walks the markers and marker segments of a JPEG stream (ITU-T T.81 B.1.1): each read is checked
 * against the end of the data, so a stream cut short or with a wrong length is a
 * {@link LosslessJpegException}, never an index out of bounds.
 */
final class JpegMarkers {

    /** A marker segment's parameters: the bytes after its length field. */
    record Segment(byte[] data, int start, int length) {

        int u8(int at) throws LosslessJpegException {
            if (at >= length) {
                throw new LosslessJpegException("a marker segment shorter than its contents");
            }
            return data[start + at] & 0xff;
        }

        int u16(int at) throws LosslessJpegException {
            return u8(at) << 8 | u8(at + 1);
        }
    }

    private final byte[] data;
    private int position;

    JpegMarkers(byte[] data) {
        this.data = data;
    }

    int position() {
        return position;
    }

    void seek(int position) {
        this.position = position;
    }

    /** The next marker's code, skipping fill bytes 0xFF (B.1.1.2). */
    int next() throws LosslessJpegException {
        if (position >= data.length || (data[position] & 0xff) != 0xff) {
            throw new LosslessJpegException("no marker where one must be");
        }
        while (position < data.length && (data[position] & 0xff) == 0xff) {
            position++;
        }
        if (position >= data.length || data[position] == 0) {
            throw new LosslessJpegException("the stream ends inside a marker");
        }
        return data[position++] & 0xff;
    }

    /** The segment after the marker just read; the walk goes on after it. */
    Segment segment() throws LosslessJpegException {
        if (position + 2 > data.length) {
            throw new LosslessJpegException("the stream ends inside a marker segment");
        }
        int length = (data[position] & 0xff) << 8 | data[position + 1] & 0xff;
        if (length < 2 || position + length > data.length) {
            throw new LosslessJpegException("a marker segment longer than the stream");
        }
        Segment segment = new Segment(data, position + 2, length - 2);
        position += length;
        return segment;
    }

    /** DHT (B.2.4.2): one or more tables, each replacing the one of its destination. */
    void huffmanTables(JpegHuffmanTable[] tables) throws LosslessJpegException {
        Segment segment = segment();
        int at = 0;
        while (at < segment.length()) {
            int classAndDestination = segment.u8(at);
            int destination = classAndDestination & 0x0f;
            if (destination > 3 || classAndDestination >> 4 > 1) {
                throw new LosslessJpegException("a Huffman table destination out of range");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = segment.u8(at + 1 + i);
                total += counts[i];
            }
            byte[] symbols = new byte[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = (byte) segment.u8(at + 17 + i);
            }
            // Lossless coding uses the DC class (H.1.2.2); an AC table would be for another process.
            if (classAndDestination >> 4 == 0) {
                tables[destination] = new JpegHuffmanTable(counts, symbols);
            }
            at += 17 + total;
        }
    }

    /** DRI (B.2.4.4): samples per restart interval, 0 for none. */
    int restartInterval() throws LosslessJpegException {
        return segment().u16(0);
    }

    /** Checks that the marker {@code expected} stands at {@code at}; returns the position after it. */
    static int expect(byte[] data, int at, int expected) throws LosslessJpegException {
        JpegMarkers markers = new JpegMarkers(data);
        markers.seek(at);
        if (markers.next() != expected) {
            throw new LosslessJpegException(String.format("marker 0x%02X missing", expected));
        }
        return markers.position();
    }
}
