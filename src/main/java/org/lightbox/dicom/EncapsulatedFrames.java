package org.lightbox.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The compressed frames of encapsulated Pixel Data (PS3.5 A.4), read straight from the file after
 * a header parse stopped in front of it: only the item headers are walked, and only the fragments
 * of the frames asked for are read, so that showing one slice of a long multi-frame file does not
 * read all of it. Where a frame is is taken from the Extended Offset Table (7FE0,0001) when there
 * is one, else from the Basic Offset Table, else from the fragments themselves: one frame, one
 * fragment per frame, or a new frame at each fragment that starts a JPEG stream (SOI).
 */
final class EncapsulatedFrames {
    private static final AttributeTag EXTENDED_OFFSET_TABLE = new AttributeTag(0x7fe0, 0x0001);
    private static final AttributeTag EXTENDED_OFFSET_TABLE_LENGTHS = new AttributeTag(0x7fe0, 0x0002);
    private static final int ITEM = 0xfffee000;
    private static final int SEQUENCE_DELIMITER = 0xfffee0dd;
    private static final long UNDEFINED_LENGTH = 0xffffffffL;

    /** One fragment's value: where it starts in the file and how long it is. */
    private record Fragment(long position, long length) {
    }

    private final DataSetReader.Parsed parsed;
    /** Per frame, its fragments. */
    private final List<List<Fragment>> frames;

    private EncapsulatedFrames(DataSetReader.Parsed parsed, List<List<Fragment>> frames) {
        this.parsed = parsed;
        this.frames = frames;
    }

    /**
     * @param frameCount Number of Frames of the image
     * @throws LosslessJpegException when the items are not laid out as PS3.5 A.4 says, or do not
     *                               make {@code frameCount} frames
     */
    static EncapsulatedFrames locate(DataSetReader.Parsed parsed, int frameCount) throws IOException, LosslessJpegException {
        if (parsed.pixelDataOffset() < 0) {
            throw new LosslessJpegException("no Pixel Data");
        }
        ByteBuffer header = read(parsed, parsed.pixelDataOffset(), 8);
        // explicit VR: "OB", two reserved bytes, undefined length
        if (header.get(0) != 'O' || header.get(1) != 'B' || Integer.toUnsignedLong(header.getInt(4)) != UNDEFINED_LENGTH) {
            throw new LosslessJpegException("Pixel Data is not encapsulated");
        }
        long position = parsed.pixelDataOffset() + 8;
        long tableLength = itemLength(parsed, position);
        long[] basicOffsets = offsets(read(parsed, position + 8, Math.toIntExact(Math.min(tableLength, 1 << 24))), 4);
        long firstFragment = position + 8 + tableLength;
        long[] extendedOffsets = extendedTable(parsed, EXTENDED_OFFSET_TABLE);
        long[] extendedLengths = extendedTable(parsed, EXTENDED_OFFSET_TABLE_LENGTHS);
        List<List<Fragment>> frames = new ArrayList<>(frameCount);
        if (extendedOffsets.length == frameCount && extendedLengths.length == frameCount) {
            for (int f = 0; f < frameCount; f++) {
                long at = firstFragment + extendedOffsets[f];
                long itemLength = itemLength(parsed, at);
                // a fragment has even length (A.4), so it may be one padding byte longer than its frame
                if (extendedLengths[f] > itemLength || extendedLengths[f] < itemLength - 1) {
                    throw new LosslessJpegException("the Extended Offset Table does not match the fragments");
                }
                frames.add(List.of(new Fragment(at + 8, extendedLengths[f])));
            }
            return new EncapsulatedFrames(parsed, frames);
        }
        List<Fragment> fragments = fragments(parsed, firstFragment);
        if (basicOffsets.length == frameCount && basicOffsets.length > 0) {
            byOffsets(fragments, firstFragment, basicOffsets, frames);
        } else if (frameCount == 1) {
            frames.add(fragments);
        } else if (fragments.size() == frameCount) {
            fragments.forEach(fragment -> frames.add(List.of(fragment)));
        } else {
            byStartOfImage(parsed, fragments, frames);
        }
        if (frames.size() != frameCount || frames.stream().anyMatch(List::isEmpty)) {
            throw new LosslessJpegException(frames.size() + " compressed frames for " + frameCount + " frames");
        }
        return new EncapsulatedFrames(parsed, frames);
    }

    /** The compressed bytes of frame {@code index} (from 0), its fragments joined. */
    byte[] frame(int index) throws IOException, LosslessJpegException {
        List<Fragment> fragments = frames.get(index);
        long total = fragments.stream().mapToLong(Fragment::length).sum();
        if (total > parsed.fileSize()) {
            throw new LosslessJpegException("fragments longer than the file");
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (Fragment fragment : fragments) {
            readFully(parsed, fragment.position(), ByteBuffer.wrap(bytes, at, (int) fragment.length()));
            at += (int) fragment.length();
        }
        return bytes;
    }

    /** All fragment items from {@code position} to the sequence delimiter. */
    private static List<Fragment> fragments(DataSetReader.Parsed parsed, long position)
            throws IOException, LosslessJpegException {
        List<Fragment> fragments = new ArrayList<>();
        while (true) {
            ByteBuffer item = read(parsed, position, 8);
            int tag = item.getShort(0) << 16 | item.getShort(2) & 0xffff;
            if (tag == SEQUENCE_DELIMITER) {
                return fragments;
            }
            long length = itemLength(parsed, position);
            fragments.add(new Fragment(position + 8, length));
            position += 8 + length;
        }
    }

    /** Basic Offset Table (A.4): frame f is the fragments from its offset up to the next frame's. */
    private static void byOffsets(List<Fragment> fragments, long firstFragment, long[] offsets,
                                  List<List<Fragment>> frames) throws LosslessJpegException {
        for (int f = 0; f < offsets.length; f++) {
            long from = firstFragment + offsets[f] + 8;
            long to = f + 1 < offsets.length ? firstFragment + offsets[f + 1] + 8 : Long.MAX_VALUE;
            if (to < from) {
                throw new LosslessJpegException("a Basic Offset Table out of order");
            }
            frames.add(fragments.stream().filter(g -> g.position() >= from && g.position() < to).toList());
        }
    }

    /** No usable offset table: a fragment that starts with SOI (0xFFD8) starts a frame. */
    private static void byStartOfImage(DataSetReader.Parsed parsed, List<Fragment> fragments,
                                       List<List<Fragment>> frames) throws IOException, LosslessJpegException {
        for (Fragment fragment : fragments) {
            boolean soi = fragment.length() >= 2 && read(parsed, fragment.position(), 2).getShort(0) == (short) 0xd8ff;
            if (soi || frames.isEmpty()) {
                frames.add(new ArrayList<>());
            }
            frames.get(frames.size() - 1).add(fragment);
        }
    }

    /** The length of the item at {@code position}, checked to be an item that fits in the file. */
    private static long itemLength(DataSetReader.Parsed parsed, long position) throws IOException, LosslessJpegException {
        ByteBuffer item = read(parsed, position, 8);
        int tag = item.getShort(0) << 16 | item.getShort(2) & 0xffff;
        long length = Integer.toUnsignedLong(item.getInt(4));
        if (tag != ITEM || length == UNDEFINED_LENGTH || position + 8 + length > parsed.fileSize()) {
            throw new LosslessJpegException("malformed or truncated Pixel Data items");
        }
        return length;
    }

    /** Extended Offset Table or its lengths (OV, 64-bit little endian); empty when absent or unreadable. */
    private static long[] extendedTable(DataSetReader.Parsed parsed, AttributeTag tag) {
        Attribute attribute = parsed.attributes().get(tag);
        if (attribute == null) {
            return new long[0];
        }
        try {
            long[] values = attribute.getLongValues();
            return values == null ? new long[0] : values;
        } catch (DicomException e) {
            return new long[0];
        }
    }

    private static long[] offsets(ByteBuffer table, int width) {
        long[] offsets = new long[table.remaining() / width];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = Integer.toUnsignedLong(table.getInt(i * width));
        }
        return offsets;
    }

    private static ByteBuffer read(DataSetReader.Parsed parsed, long position, int count)
            throws IOException, LosslessJpegException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        readFully(parsed, position, buffer);
        return buffer.flip();
    }

    private static void readFully(DataSetReader.Parsed parsed, long position, ByteBuffer buffer)
            throws IOException, LosslessJpegException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            if (parsed.channel().read(buffer, position + buffer.position() - start) < 0) {
                throw new LosslessJpegException("the file ends inside its Pixel Data");
            }
        }
    }
}
