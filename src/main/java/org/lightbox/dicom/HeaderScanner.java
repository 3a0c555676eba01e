package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Walks the header of a plain, well-formed Part 10 file straight from its bytes and keeps only the
 * attributes a {@link DicomHeader} is made of: the fast path of indexing, several times quicker
 * than building PixelMed's whole attribute list. It stops in front of Pixel Data (7FE0,0010) as
 * PixelMed's parse does and skips everything else, sequences included, checking their structure
 * as it goes. It knows a sequence where PixelMed does: an SQ; in implicit VR, a tag the
 * dictionary says is SQ, or a private or unknown one of undefined length; in explicit VR, a UN of
 * undefined length, whose content is implicit VR little endian (CP 246).
 *
 * <p>It judges nothing. Whatever is not plainly regular (no preamble, deflate or an unknown
 * transfer syntax, odd or overlong lengths, an unexpected VR, a truncated header, a DICOMDIR, text
 * in an ISO 2022 or undeclared character set...) makes it give up, and the caller lets PixelMed
 * read the file as it always has, so every rejection and every decoded name stays PixelMed's.
 */
final class HeaderScanner {

    /**
     * What a scan found.
     *
     * @param pixelDataOffset where the value header of Pixel Data starts, just after its tag, as
     *                        {@link DataSetReader.Parsed} has it; -1 when the data set ends without
     * @param otherPixelData  Float or Double Float Pixel Data (7FE0,0008 / 0009) is present
     */
    record Scan(String transferSyntaxUid, long pixelDataOffset, boolean otherPixelData, AttributeValues values) {
    }

    /**
     * One page: most headers fit (a CT slice's is about 1-3 KB), a longer one grows the buffer
     * fourfold per read. Reading more at first only copies pixel data that is never looked at, and
     * allocates it for every file read.
     */
    private static final int INITIAL_READ = 4 * 1024;
    /** A header longer than this is unusual enough to leave to PixelMed. */
    private static final int LONGEST_HEADER = 4 * 1024 * 1024;
    private static final int DEEPEST_SEQUENCE = 16;
    private static final long UNDEFINED_LENGTH = 0xffffffffL;
    /** The longest value of a VR with a 16-bit length in explicit VR (PS3.5 7.1.2). */
    private static final long MAXIMUM_SHORT_LENGTH = 0xffff;
    private static final int META_START = FileSignature.BYTES_NEEDED;

    private static final int ITEM = 0xfffee000;
    private static final int ITEM_DELIMITER = 0xfffee00d;
    private static final int SEQUENCE_DELIMITER = 0xfffee0dd;
    private static final int META_GROUP_LENGTH = 0x00020000;
    private static final int MEDIA_STORAGE_SOP_CLASS = 0x00020002;
    private static final int TRANSFER_SYNTAX = 0x00020010;
    private static final int SPECIFIC_CHARACTER_SET = 0x00080005;
    private static final int FLOAT_PIXEL_DATA = 0x7fe00008;
    private static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7fe00009;
    private static final int PIXEL_DATA = 0x7fe00010;

    private static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    private static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final String EXPLICIT_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    private static final String RLE = "1.2.840.10008.1.2.5";
    /** JPEG, JPEG-LS, JPEG 2000, MPEG, HEVC...: encapsulated, their data sets explicit VR little endian (PS3.5 A.4). */
    private static final String ENCAPSULATED_FAMILY = "1.2.840.10008.1.2.4.";

    /** The attributes a DicomHeader reads, by tag in ascending order, each with the VR the dictionary gives it (PS3.6). */
    private static final String[][] WANTED = {
            {"00020000", "UL"}, {"00020002", "UI"}, {"00020010", "UI"}, {"00080005", "CS"}, {"00080016", "UI"},
            {"00080018", "UI"}, {"00080020", "DA"}, {"00080030", "TM"}, {"00080050", "SH"}, {"00080060", "CS"},
            {"00081030", "LO"}, {"0008103e", "LO"}, {"00100010", "PN"}, {"00100020", "LO"}, {"00100030", "DA"},
            {"00100040", "CS"}, {"00180015", "CS"}, {"0020000d", "UI"}, {"0020000e", "UI"}, {"00200011", "IS"},
            {"00200013", "IS"}, {"00200032", "DS"}, {"00201041", "DS"}, {"00280002", "US"}, {"00280004", "CS"},
            {"00280008", "IS"}, {"00280010", "US"}, {"00280011", "US"}, {"00280030", "DS"}, {"00280100", "US"},
            {"00280101", "US"}, {"00280103", "US"}, {"00281050", "DS"}, {"00281051", "DS"}, {"00281052", "DS"},
            {"00281053", "DS"}, {"00281055", "LO"}};
    private static final int[] WANTED_TAGS = new int[WANTED.length];
    private static final int[] WANTED_VRS = new int[WANTED.length];

    /**
     * Specific Character Set (0008,0005) values whose text decodes byte by byte with a Java charset
     * (PS3.3 C.12.1.1.2, single-byte and multi-byte without code extensions), as PixelMed decodes
     * them. ISO_IR 203 is absent on purpose: {@link DataSet} corrects PixelMed there, and the
     * equality test keeps the two in step only for what is listed here.
     */
    private static final Map<String, Charset> CHARACTER_SETS = Map.ofEntries(
            Map.entry("ISO_IR 100", Charset.forName("ISO-8859-1")), Map.entry("ISO_IR 101", Charset.forName("ISO-8859-2")),
            Map.entry("ISO_IR 109", Charset.forName("ISO-8859-3")), Map.entry("ISO_IR 110", Charset.forName("ISO-8859-4")),
            Map.entry("ISO_IR 144", Charset.forName("ISO-8859-5")), Map.entry("ISO_IR 127", Charset.forName("ISO-8859-6")),
            Map.entry("ISO_IR 126", Charset.forName("ISO-8859-7")), Map.entry("ISO_IR 138", Charset.forName("ISO-8859-8")),
            Map.entry("ISO_IR 148", Charset.forName("ISO-8859-9")), Map.entry("ISO_IR 192", StandardCharsets.UTF_8),
            Map.entry("GB18030", Charset.forName("GB18030")));

    /** VRs whose text Specific Character Set applies to (PS3.5 6.1.2.3); the others are plain ASCII. */
    private static final int[] TEXT_VRS = {vr("PN"), vr("LO"), vr("SH"), vr("LT"), vr("ST"), vr("UT"), vr("UC")};

    /** VRs with a 32-bit length after two reserved bytes in explicit VR (PS3.5 7.1.2). */
    private static final int[] LONG_VRS = {vr("OB"), vr("OD"), vr("OF"), vr("OL"), vr("OV"), vr("OW"), vr("SQ"),
            vr("SV"), vr("UC"), vr("UN"), vr("UR"), vr("UT"), vr("UV")};
    private static final int[] SHORT_VRS = {vr("AE"), vr("AS"), vr("AT"), vr("CS"), vr("DA"), vr("DS"), vr("DT"),
            vr("FD"), vr("FL"), vr("IS"), vr("LO"), vr("LT"), vr("PN"), vr("SH"), vr("SL"), vr("SS"), vr("ST"), vr("TM"),
            vr("UI"), vr("UL"), vr("US")};
    private static final int[] FOUR_BYTE_VRS = {vr("FL"), vr("OF"), vr("OL"), vr("SL"), vr("UL")};
    private static final int[] EIGHT_BYTE_VRS = {vr("FD"), vr("OD"), vr("OV"), vr("SV"), vr("UV")};
    private static final int SQ = vr("SQ");
    private static final int UN = vr("UN");
    private static final int LO = vr("LO");
    private static final int US = vr("US");
    private static final int UL = vr("UL");
    private static final int UI = vr("UI");

    static {
        for (int i = 0; i < WANTED.length; i++) {
            WANTED_TAGS[i] = Integer.parseUnsignedInt(WANTED[i][0], 16);
            WANTED_VRS[i] = vr(WANTED[i][1]);
        }
        Arrays.sort(TEXT_VRS);
        Arrays.sort(LONG_VRS);
        Arrays.sort(SHORT_VRS);
        Arrays.sort(FOUR_BYTE_VRS);
        Arrays.sort(EIGHT_BYTE_VRS);
    }

    /** Thrown to give up on a file; carries no stack trace, since giving up is an ordinary outcome. */
    private static final class Irregular extends Exception {
        private static final Irregular INSTANCE = new Irregular();

        private Irregular() {
            super(null, null, false, false);
        }
    }

    private final FileChannel channel;
    private final long size;
    private byte[] bytes = new byte[0];
    private int read;
    private boolean bigEndian;
    private boolean explicitVr = true;
    /** Where the value of each wanted attribute at the top level starts, by index in WANTED; -1 if absent. */
    private final int[] valueStarts = new int[WANTED.length];
    private final int[] valueLengths = new int[WANTED.length];

    private HeaderScanner(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
        Arrays.fill(valueStarts, -1);
    }

    /**
     * @return what the file's header holds, or null when the file is anything but plain and
     *         well-formed and must be read by PixelMed
     */
    static Scan scan(FileChannel channel, long size) throws IOException {
        try {
            return new HeaderScanner(channel, size).scan();
        } catch (Irregular e) {
            return null;
        }
    }

    private Scan scan() throws IOException, Irregular {
        need(META_START);
        if (bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M') {
            throw Irregular.INSTANCE;
        }
        int position = meta();
        String syntax = ascii(TRANSFER_SYNTAX);
        if (DicomDirReader.DICOMDIR_SOP_CLASS.equals(ascii(MEDIA_STORAGE_SOP_CLASS))) {
            throw Irregular.INSTANCE;
        }
        useSyntax(syntax);
        long pixelDataOffset = -1;
        boolean otherPixelData = false;
        while (position < size) {
            need(position + 8L);
            int tag = tag(position);
            if (tag == PIXEL_DATA) {
                pixelDataOffset = position + 4L;
                break;
            }
            int group = tag >>> 16;
            if (group == 0x0002 || group == 0xfffe) {
                throw Irregular.INSTANCE;
            }
            otherPixelData |= tag == FLOAT_PIXEL_DATA || tag == DOUBLE_FLOAT_PIXEL_DATA;
            position = element(position, 0, true, !explicitVr);
        }
        return new Scan(syntax, pixelDataOffset, otherPixelData, values());
    }

    /** The meta group, always explicit VR little endian (PS3.10 7.1), up to the first tag of another group. */
    private int meta() throws IOException, Irregular {
        int position = META_START;
        while (true) {
            need(position + 8L);
            if (tag(position) >>> 16 != 0x0002) {
                break;
            }
            int vr = (bytes[position + 4] & 0xff) << 8 | bytes[position + 5] & 0xff;
            if (vr == SQ || vr == UN) {
                // none in a meta header (PS3.10 7.1); in one, PixelMed would take a nested tag of
                // another group for the start of the data set
                throw Irregular.INSTANCE;
            }
            position = element(position, 0, true, false);
            if (position == size) {
                throw Irregular.INSTANCE; // a meta header and nothing else
            }
        }
        int groupLength = wanted(META_GROUP_LENGTH);
        if (valueStarts[groupLength] >= 0 && (valueLengths[groupLength] != 4
                || META_START + 12 + u32(valueStarts[groupLength]) != position)) {
            throw Irregular.INSTANCE;
        }
        return position;
    }

    private void useSyntax(String syntax) throws Irregular {
        switch (syntax) {
            case IMPLICIT_LITTLE_ENDIAN -> explicitVr = false;
            case EXPLICIT_LITTLE_ENDIAN, RLE -> { }
            case EXPLICIT_BIG_ENDIAN -> bigEndian = true;
            default -> {
                if (!syntax.startsWith(ENCAPSULATED_FAMILY)) {
                    throw Irregular.INSTANCE;
                }
            }
        }
    }

    /**
     * Reads one element at {@code position} and returns where the next one starts. It takes the
     * element's VR as PixelMed's AttributeList.read does: in implicit VR the dictionary's, UN for a
     * tag it does not know (every private one); in explicit VR the file's, but a UN is read with
     * the dictionary's VR unless that is SQ; a private creator is LO (PS3.5 7.8.1) either way. SQ
     * and UN of undefined length are sequences.
     *
     * @param topLevel   whether it is an attribute of the data set itself, not of a sequence item
     * @param implicitVr the data set is in implicit VR, or this is inside a UN sequence, whose
     *                   content is implicit VR little endian whatever the transfer syntax (CP 246)
     */
    private int element(int position, int depth, boolean topLevel, boolean implicitVr) throws IOException, Irregular {
        int tag = tag(position);
        int wanted = topLevel ? wanted(tag) : -1;
        int encoded; // the VR in the file; -1 in implicit VR
        int vr;
        long length;
        int header;
        if (implicitVr) {
            encoded = -1;
            vr = wanted >= 0 ? WANTED_VRS[wanted] : dictionaryVr(tag);
            length = u32(position + 4);
            header = 8;
        } else {
            encoded = (bytes[position + 4] & 0xff) << 8 | bytes[position + 5] & 0xff;
            if (Arrays.binarySearch(LONG_VRS, encoded) >= 0) {
                need(position + 12L);
                if (bytes[position + 6] != 0 || bytes[position + 7] != 0) {
                    throw Irregular.INSTANCE; // PixelMed reads reserved bytes that are not zero its own way
                }
                length = u32(position + 8);
                header = 12;
            } else if (Arrays.binarySearch(SHORT_VRS, encoded) >= 0) {
                length = u16(position + 6);
                header = 8;
            } else {
                throw Irregular.INSTANCE;
            }
            vr = encoded == UN ? unknownAsPixelMedReadsIt(tag) : encoded;
        }
        if (isPrivateCreator(tag)) {
            vr = LO;
        }
        int valueStart = position + header;
        if (length == UNDEFINED_LENGTH) {
            if (wanted >= 0 || vr != SQ && vr != UN) {
                throw Irregular.INSTANCE; // encapsulated data, or a value PixelMed would not read at all
            }
            return sequence(valueStart, -1, depth + 1, contentInImplicitVr(vr, implicitVr));
        }
        long end = valueStart + length;
        if (length % valueSize(vr) != 0 || end > size || end > LONGEST_HEADER) {
            throw Irregular.INSTANCE; // PixelMed skips such a value unread, and gives up after ten
        }
        if (length > MAXIMUM_SHORT_LENGTH && Arrays.binarySearch(SHORT_VRS, vr) >= 0) {
            // PixelMed rejects the file for an unlikely length, unless the attribute is one of a
            // few bulk ones (Contour Data...); those are left to it too
            throw Irregular.INSTANCE;
        }
        if (wanted >= 0) {
            if (!implicitVr && encoded != WANTED_VRS[wanted] || valueStarts[wanted] >= 0) {
                throw Irregular.INSTANCE; // another VR than the dictionary's, or the attribute twice
            }
            need(end);
            valueStarts[wanted] = valueStart;
            valueLengths[wanted] = (int) length;
        } else if (vr == SQ || vr == UN && mayBeSafePrivateSequence(tag)) {
            need(end);
            return sequence(valueStart, (int) end, depth + 1, contentInImplicitVr(vr, implicitVr));
        }
        return (int) end;
    }

    /**
     * PixelMed reads a UN sequence as implicit VR little endian, and everything nested in it. The
     * stream's byte order stays big endian in explicit VR big endian, though, so such a sequence
     * is left to PixelMed there.
     */
    private boolean contentInImplicitVr(int vr, boolean implicitVr) throws Irregular {
        if (vr == UN && bigEndian) {
            throw Irregular.INSTANCE;
        }
        return implicitVr || vr == UN;
    }

    /** Binary values come in 4 or 8 bytes each; every value length is even (PS3.5 7.1.1). */
    private static int valueSize(int vr) {
        if (Arrays.binarySearch(FOUR_BYTE_VRS, vr) >= 0) {
            return 4;
        }
        return Arrays.binarySearch(EIGHT_BYTE_VRS, vr) >= 0 ? 8 : 2;
    }

    /** The index of the tag in WANTED; negative if not wanted. */
    private static int wanted(int tag) {
        return Arrays.binarySearch(WANTED_TAGS, tag);
    }

    /**
     * Implicit VR says nothing of a value's kind: PixelMed takes the dictionary's VR, so it parses
     * a sequence of defined length where the dictionary says SQ, and one of undefined length
     * where it says SQ or knows nothing (UN), a private attribute among them.
     */
    private static int dictionaryVr(int tag) throws Irregular {
        if ((tag >>> 16 & 1) == 1) {
            return UN; // private: PixelMed's dictionary knows no private attribute
        }
        byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(new AttributeTag(tag >>> 16,
                tag & 0xffff));
        if (vr == null) {
            return UN;
        }
        if (vr.length != 2) {
            throw Irregular.INSTANCE;
        }
        return vr[0] << 8 | vr[1];
    }

    /** An explicit UN is read with the dictionary's VR, unless that is SQ: a UN sequence stays UN (CP 246). */
    private static int unknownAsPixelMedReadsIt(int tag) throws Irregular {
        int known = dictionaryVr(tag);
        return known == SQ ? UN : known;
    }

    /** (gggg,0010-00FF) of an odd group, as PixelMed's AttributeTag.isPrivateCreator() has it. */
    private static boolean isPrivateCreator(int tag) {
        int element = tag & 0xffff;
        return (tag >>> 16 & 1) == 1 && element > 0 && element <= 0xff;
    }

    /**
     * PixelMed reads a few private attributes of defined length as sequences even when their VR
     * is UN (ClinicalTrialsAttributes.isSafePrivateSequenceAttribute: Hologic's (0019,xx8A)). It
     * does so only under that private creator; walking the value as a sequence whatever the
     * creator only gives up on more files, since one that is a well-formed sequence ends where its
     * length says either way.
     */
    private static boolean mayBeSafePrivateSequence(int tag) {
        return tag >>> 16 == 0x0019 && (tag & 0xff) == 0x8a && !isPrivateCreator(tag);
    }

    /**
     * Walks the items of a sequence (PS3.5 7.5) and returns where the element after it starts.
     *
     * @param end where a sequence of defined length ends; -1 for undefined length, which ends with
     *            a sequence delimiter
     */
    private int sequence(int position, int end, int depth, boolean implicitVr) throws IOException, Irregular {
        if (depth > DEEPEST_SEQUENCE) {
            throw Irregular.INSTANCE;
        }
        while (end < 0 || position < end) {
            need(position + 8L);
            int tag = tag(position);
            long length = u32(position + 4);
            position += 8;
            if (tag == SEQUENCE_DELIMITER && end < 0 && length == 0) {
                return position;
            }
            if (tag != ITEM) {
                throw Irregular.INSTANCE;
            }
            position = item(position, length == UNDEFINED_LENGTH ? -1 : checkedEnd(position, length, end), depth,
                    implicitVr);
        }
        if (position != end) {
            throw Irregular.INSTANCE;
        }
        return position;
    }

    private int checkedEnd(int position, long length, int enclosingEnd) throws IOException, Irregular {
        long end = position + length;
        if (length % 2 != 0 || end > size || end > LONGEST_HEADER || enclosingEnd >= 0 && end > enclosingEnd) {
            throw Irregular.INSTANCE;
        }
        need(end);
        return (int) end;
    }

    /** The elements of one item, up to its end or its item delimiter. */
    private int item(int position, int end, int depth, boolean implicitVr) throws IOException, Irregular {
        while (end < 0 || position < end) {
            need(position + 8L);
            int tag = tag(position);
            if (tag == ITEM_DELIMITER && end < 0) {
                if (u32(position + 4) != 0) {
                    throw Irregular.INSTANCE;
                }
                return position + 8;
            }
            if (tag >>> 16 == 0xfffe) {
                throw Irregular.INSTANCE;
            }
            position = element(position, depth, false, implicitVr);
        }
        if (position != end) {
            throw Irregular.INSTANCE;
        }
        return position;
    }

    /** Makes sure the first {@code end} bytes of the file are in the buffer. */
    private void need(long end) throws IOException, Irregular {
        if (end <= read) {
            return;
        }
        if (end > size || end > LONGEST_HEADER) {
            throw Irregular.INSTANCE;
        }
        int capacity = (int) Math.min(size, Math.max(end, Math.max(INITIAL_READ, (long) bytes.length * 4)));
        bytes = Arrays.copyOf(bytes, capacity);
        ByteBuffer into = ByteBuffer.wrap(bytes, read, capacity - read);
        while (into.hasRemaining()) {
            if (channel.read(into, into.position()) < 0) {
                throw Irregular.INSTANCE; // the file shrank while being read
            }
        }
        read = capacity;
    }

    private int tag(int position) {
        return u16(position) << 16 | u16(position + 2);
    }

    private int u16(int position) {
        int a = bytes[position] & 0xff;
        int b = bytes[position + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    private long u32(int position) {
        long high = u16(bigEndian ? position : position + 2);
        long low = u16(bigEndian ? position + 2 : position);
        return high << 16 | low;
    }

    private static int vr(String name) {
        return name.charAt(0) << 8 | name.charAt(1);
    }

    /** A wanted value that must be ASCII, e.g. a UID of the meta header; "" when absent. */
    private String ascii(int tag) throws Irregular {
        String[] values = decoded(wanted(tag), null);
        return values.length == 0 ? "" : values[0];
    }

    /** The wanted values decoded, as {@link DataSet} would give them from PixelMed's attribute list. */
    private AttributeValues values() throws Irregular {
        Charset charset = characterSet();
        String[][] values = new String[WANTED.length][];
        for (int i = 0; i < WANTED.length; i++) {
            values[i] = decoded(i, Arrays.binarySearch(TEXT_VRS, WANTED_VRS[i]) >= 0 ? charset : null);
        }
        return tag -> {
            int i = wanted(tag.getGroup() << 16 | tag.getElement());
            return i < 0 ? new String[0] : values[i].clone();
        };
    }

    /**
     * The charset text values are in; null for the default repertoire (ASCII). Anything that needs
     * code extensions, or that {@link DataSet} decodes its own way, is left to PixelMed.
     */
    private Charset characterSet() throws Irregular {
        String declared = ascii(SPECIFIC_CHARACTER_SET);
        if (declared.isEmpty()) {
            return null;
        }
        Charset charset = CHARACTER_SETS.get(declared);
        if (charset == null) {
            throw Irregular.INSTANCE;
        }
        return charset;
    }

    /**
     * @param charset null for ASCII only: a byte above 0x7F then means PixelMed must decide
     */
    private String[] decoded(int wanted, Charset charset) throws Irregular {
        int start = valueStarts[wanted];
        if (start < 0) {
            return new String[0];
        }
        int length = valueLengths[wanted];
        int vr = WANTED_VRS[wanted];
        if (vr == US) {
            return shorts(start, length);
        }
        if (vr == UL) {
            return length == 4 ? new String[] {Long.toString(u32(start))} : irregular();
        }
        if (vr == UI && length > 0 && bytes[start + length - 1] == 0) {
            length--; // the NUL padding of a UID (PS3.5 6.2)
        }
        for (int i = start; i < start + length; i++) {
            int b = bytes[i] & 0xff;
            // control characters (ESC of ISO 2022 among them) and NULs inside a value are PixelMed's to judge
            if (b < 0x20 || charset == null && b > 0x7e) {
                throw Irregular.INSTANCE;
            }
        }
        String text = new String(bytes, start, length, charset == null ? StandardCharsets.US_ASCII : charset);
        if (text.indexOf('\uFFFD') >= 0) {
            throw Irregular.INSTANCE;
        }
        String[] values = Separated.parts(text, '\\');
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i].strip();
            if (values[i].isEmpty() && values.length > 1) {
                throw Irregular.INSTANCE;
            }
        }
        return values;
    }

    private String[] shorts(int start, int length) throws Irregular {
        if (length == 0) {
            return irregular();
        }
        String[] values = new String[length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = Integer.toString(u16(start + 2 * i));
        }
        return values;
    }

    private static String[] irregular() throws Irregular {
        throw Irregular.INSTANCE;
    }
}
