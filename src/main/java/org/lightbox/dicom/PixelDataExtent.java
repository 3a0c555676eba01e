package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.TRUNCATED;

import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Checks that the Pixel Data value the header parse stopped in front of is all there, without
 * reading it: its length against the file size, or for encapsulated pixel data (PS3.5 A.4) a walk
 * over the fragment headers up to the sequence delimiter. A copy interrupted half-way through the
 * pixels leaves a perfect header, and such a file must not reach the worklist as if it were whole.
 */
final class PixelDataExtent {

    private static final long UNDEFINED_LENGTH = 0xffffffffL;
    private static final int ITEM = 0xfffee000;
    private static final int SEQUENCE_DELIMITER = 0xfffee0dd;

    private PixelDataExtent() {
    }

    /**
     * @param nativeBytes how many bytes uncompressed pixels of this image need, or -1 if unknown
     */
    static void check(Path file, DataSetReader.Parsed parsed, long nativeBytes) throws DicomReadException, IOException {
        if (parsed.pixelDataOffset() < 0) {
            return;
        }
        if (parsed.transferSyntax().isDeflated()) {
            checkInflated(file, parsed);
            return;
        }
        ByteOrder order = parsed.transferSyntax().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean explicitVr = parsed.transferSyntax().isExplicitVR();
        // PS3.5 7.1.2: explicit VR OB/OW carries VR, two reserved bytes, then a 32-bit length.
        long lengthAt = parsed.pixelDataOffset() + (explicitVr ? 4 : 0);
        ByteBuffer length = readAt(parsed, lengthAt, 4, order);
        if (length == null) {
            throw DataSetReader.truncated(file, null);
        }
        long valueLength = Integer.toUnsignedLong(length.getInt());
        long valueStart = lengthAt + 4;
        if (valueLength == UNDEFINED_LENGTH) {
            checkFragments(file, parsed, valueStart);
        } else if (valueStart + valueLength > parsed.fileSize()) {
            throw new DicomReadException(file, TRUNCATED, "the file is truncated: its pixel data is cut short ("
                    + (parsed.fileSize() - valueStart) + " of " + valueLength + " bytes present)");
        } else if (nativeBytes > 0 && valueLength < nativeBytes) {
            throw new DicomReadException(file, DAMAGED, "the pixel data is too short for the image it describes ("
                    + valueLength + " bytes where " + nativeBytes + " are needed)");
        }
    }

    /**
     * A deflated data set (PS3.5 A.5) has no file offsets to compare, and PixelMed inflates inside
     * its parser where we cannot follow: inflate the data set again, from just after the meta
     * header, to its end. The inflater notices a stream that ends early. Costly, but deflate is
     * rare and its files small.
     */
    private static void checkInflated(Path file, DataSetReader.Parsed parsed) throws DicomReadException {
        long metaLength = new DataSet(parsed.attributes()).integer(TagFromName.FileMetaInformationGroupLength, -1);
        if (metaLength < 0) {
            return;
        }
        // preamble, "DICM", then the group length element (tag, VR, length, 4-byte value) and the group
        long dataSetStart = FileSignature.BYTES_NEEDED + 12 + metaLength;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream inflated = new InflaterInputStream(
                Channels.newInputStream(parsed.channel().position(dataSetStart)), new Inflater(true))) {
            while (inflated.read(buffer) >= 0) {
                // drain to the end of the deflate stream
            }
        } catch (ZipException e) {
            throw DataSetReader.damaged(file, e);
        } catch (IOException e) {
            throw new DicomReadException(file, TRUNCATED, "the file is truncated: its compressed data ends early", e);
        }
    }

    /** Encapsulated fragments are always little endian items (PS3.5 A.4). */
    private static void checkFragments(Path file, DataSetReader.Parsed parsed, long start)
            throws DicomReadException, IOException {
        long position = start;
        while (true) {
            ByteBuffer item = readAt(parsed, position, 8, ByteOrder.LITTLE_ENDIAN);
            if (item == null) {
                throw new DicomReadException(file, TRUNCATED,
                        "the file is truncated: its compressed pixel data is cut short");
            }
            int tag = item.getShort() << 16 | item.getShort() & 0xffff;
            long itemLength = Integer.toUnsignedLong(item.getInt());
            if (tag == SEQUENCE_DELIMITER) {
                return;
            }
            if (tag != ITEM || itemLength == UNDEFINED_LENGTH) {
                throw new DicomReadException(file, DAMAGED,
                        "the file is damaged: its compressed pixel data fragments are malformed");
            }
            position += 8 + itemLength;
        }
    }

    private static ByteBuffer readAt(DataSetReader.Parsed parsed, long position, int count, ByteOrder order)
            throws IOException {
        if (position + count > parsed.fileSize()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(count).order(order);
        while (buffer.hasRemaining()) {
            if (parsed.channel().read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }
}
