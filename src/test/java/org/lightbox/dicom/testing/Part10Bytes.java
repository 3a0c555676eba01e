package org.lightbox.dicom.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Writes a Part 10 file byte by byte, laid out exactly as the test says: what dcmtk will not write,
 * such as a UN sequence of undefined length in explicit VR (CP 246) or one sequence whose items mix
 * defined and undefined lengths. Little endian only.
 * <pre>{@code
 * byte[] file = Part10Bytes.file(Part10Bytes.EXPLICIT_LITTLE_ENDIAN,
 *         text(0x00100010, "PN", "DOE^JANE"),
 *         undefinedLength(0x00291010, "UN", undefinedLengthItem(text(0x00291001, "LO", "private"))));
 * }</pre>
 */
public final class Part10Bytes {

    public static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    /** VRs with two reserved bytes and a 32-bit length in explicit VR (PS3.5 7.1.2). */
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
            "UT", "UV");
    private static final int ITEM = 0xfffee000;
    private static final int ITEM_DELIMITER = 0xfffee00d;
    private static final int SEQUENCE_DELIMITER = 0xfffee0dd;
    private static final long UNDEFINED = 0xffffffffL;

    /** An element of a data set or of an item. */
    public sealed interface Element permits Value, Sequence {
    }

    public record Value(int tag, String vr, byte[] bytes) implements Element {
    }

    /** @param vr SQ, or UN: the content of a UN sequence is implicit VR whatever the transfer syntax (CP 246) */
    public record Sequence(int tag, String vr, boolean undefinedLength, List<Item> items) implements Element {
    }

    public record Item(boolean undefinedLength, List<Element> elements) {
    }

    private Part10Bytes() {
    }

    /** A text value, padded to even length as PS3.5 6.2 says: UIDs with NUL, the others with a space. */
    public static Value text(int tag, String vr, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length % 2 == 1) {
            bytes = Arrays.copyOf(bytes, bytes.length + 1);
            bytes[bytes.length - 1] = (byte) (vr.equals("UI") ? 0 : ' ');
        }
        return new Value(tag, vr, bytes);
    }

    public static Value unsignedShorts(int tag, int... values) {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            bytes[2 * i] = (byte) values[i];
            bytes[2 * i + 1] = (byte) (values[i] >> 8);
        }
        return new Value(tag, "US", bytes);
    }

    public static Sequence undefinedLength(int tag, String vr, Item... items) {
        return new Sequence(tag, vr, true, List.of(items));
    }

    public static Sequence definedLength(int tag, String vr, Item... items) {
        return new Sequence(tag, vr, false, List.of(items));
    }

    public static Item undefinedLengthItem(Element... elements) {
        return new Item(true, List.of(elements));
    }

    public static Item definedLengthItem(Element... elements) {
        return new Item(false, List.of(elements));
    }

    /** Preamble, "DICM", a meta header naming the transfer syntax, then the data set as given. */
    public static byte[] file(String transferSyntax, Element... dataSet) {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        write(meta, new Value(0x00020001, "OB", new byte[] {0, 1}), true);
        write(meta, text(0x00020002, "UI", TestDicomFiles.CT_IMAGE_STORAGE), true);
        write(meta, text(0x00020003, "UI", "1.2.3.4.5.6.7"), true);
        write(meta, text(0x00020010, "UI", transferSyntax), true);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        write(file, new Value(0x00020000, "UL", u32(meta.size())), true);
        file.writeBytes(meta.toByteArray());
        boolean explicitVr = !transferSyntax.equals(IMPLICIT_LITTLE_ENDIAN);
        for (Element element : dataSet) {
            write(file, element, explicitVr);
        }
        return file.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Element element, boolean explicitVr) {
        if (element instanceof Value value) {
            header(out, value.tag(), value.vr(), value.bytes().length, explicitVr).writeBytes(value.bytes());
            return;
        }
        Sequence sequence = (Sequence) element;
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (Item item : sequence.items()) {
            write(items, item, explicitVr && sequence.vr().equals("SQ"));
        }
        if (sequence.undefinedLength()) {
            delimiter(items, SEQUENCE_DELIMITER);
        }
        header(out, sequence.tag(), sequence.vr(), sequence.undefinedLength() ? UNDEFINED : items.size(), explicitVr)
                .writeBytes(items.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, Item item, boolean explicitVr) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        for (Element element : item.elements()) {
            write(elements, element, explicitVr);
        }
        if (item.undefinedLength()) {
            delimiter(elements, ITEM_DELIMITER);
        }
        tag(out, ITEM);
        out.writeBytes(u32(item.undefinedLength() ? UNDEFINED : elements.size()));
        out.writeBytes(elements.toByteArray());
    }

    private static ByteArrayOutputStream header(ByteArrayOutputStream out, int tag, String vr, long length,
                                                boolean explicitVr) {
        tag(out, tag);
        if (!explicitVr) {
            out.writeBytes(u32(length));
        } else if (LONG_VRS.contains(vr)) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[2]);
            out.writeBytes(u32(length));
        } else {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            out.write((int) length);
            out.write((int) length >> 8);
        }
        return out;
    }

    private static void delimiter(ByteArrayOutputStream out, int tag) {
        tag(out, tag);
        out.writeBytes(u32(0));
    }

    private static void tag(ByteArrayOutputStream out, int tag) {
        out.write(tag >>> 16);
        out.write(tag >>> 24);
        out.write(tag);
        out.write(tag >>> 8);
    }

    private static byte[] u32(long value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
