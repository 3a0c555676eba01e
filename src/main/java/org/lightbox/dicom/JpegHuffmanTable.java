package org.lightbox.dicom;

/**
 * One Huffman table of a DHT segment (ITU-T T.81 B.2.4.2, C, F.2.2.3), decoding the difference
 * categories (SSSS, 0 to 16) of lossless coding. Codes up to {@value #FAST_BITS} bits long, which
 * are nearly all of them, come from one lookup; longer ones from the canonical code ranges.
 */
final class JpegHuffmanTable {
    static final int FAST_BITS = 9;

    /** Indexed by the next {@value #FAST_BITS} bits: code length << 8 | symbol, or 0 for a longer code. */
    private final short[] fast = new short[1 << FAST_BITS];
    /** Per code length 1..16: the largest code of that length (-1 if none), and where its symbols start. */
    private final int[] maxCode = new int[18];
    private final int[] offset = new int[17];
    private final byte[] symbols;

    /**
     * @param counts  how many codes there are of each length 1..16 (BITS)
     * @param symbols the symbols in code order (HUFFVAL)
     */
    JpegHuffmanTable(int[] counts, byte[] symbols) throws LosslessJpegException {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            offset[length] = k - code;
            for (int i = 0; i < counts[length - 1]; i++, k++, code++) {
                if ((symbols[k] & 0xff) > 16) {
                    throw new LosslessJpegException("a lossless difference category above 16");
                }
                if (length <= FAST_BITS) {
                    int shift = FAST_BITS - length;
                    for (int fill = 0; fill < 1 << shift; fill++) {
                        fast[code << shift | fill] = (short) (length << 8 | symbols[k] & 0xff);
                    }
                }
            }
            if (code > 1 << length) {
                throw new LosslessJpegException("a Huffman table with more codes than fit their lengths");
            }
            maxCode[length] = counts[length - 1] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE; // sentinel: no code is longer than 16 bits
    }

    /** The next symbol; -1 for bits that are no code of this table. The reader must be filled. */
    int decode(JpegBitReader bits) {
        int entry = fast[bits.peek(FAST_BITS)];
        if (entry != 0) {
            bits.skip(entry >> 8);
            return entry & 0xff;
        }
        for (int length = FAST_BITS + 1; length <= 16; length++) {
            int code = bits.peek(length);
            if (code <= maxCode[length]) {
                bits.skip(length);
                return symbols[code + offset[length]] & 0xff;
            }
        }
        return -1;
    }
}
