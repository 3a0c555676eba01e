package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.CANNOT_OPEN;
import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.NOT_DICOM;
import static org.lightbox.dicom.DicomReadException.Reason.TRUNCATED;
import static org.lightbox.dicom.DicomReadException.Reason.UNSUPPORTED_TRANSFER_SYNTAX;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a file, makes sure it is DICOM, and lets PixelMed parse its data set, turning every way
 * that can fail into a {@link DicomReadException}. The one place that calls PixelMed's parser.
 */
final class DataSetReader {

    /** How much of the data set to parse. */
    enum Extent {
        /** Everything up to, not including, Pixel Data (7FE0,0010): what indexing needs. */
        HEADER,
        WHOLE_FILE
    }

    /**
     * @param attributes      the parsed attributes, meta header included
     * @param pixelDataOffset where the value header of Pixel Data (7FE0,0010) starts, just after
     *                        its tag; -1 when the parse did not stop there
     * @param channel         the open file, for reads at a position
     */
    record Parsed(AttributeList attributes, TransferSyntax transferSyntax, long pixelDataOffset, long fileSize,
                  FileChannel channel) {

        String mediaStorageSopClassUid() {
            return new DataSet(attributes).text(TagFromName.MediaStorageSOPClassUID);
        }
    }

    /** What to do with a parsed file while it is still open. */
    interface Use<T> {
        T apply(Parsed parsed) throws DicomReadException, IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(DataSetReader.class);
    private static final int BUFFER_SIZE = 16 * 1024;
    /** Deflated data sets (PS3.5 A.5) inflate to more than the file size; allow generous expansion. */
    private static final long DEFLATE_EXPANSION = 64;

    <T> T read(Path file, Extent extent, Use<T> use) throws DicomReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            checkSignature(file, channel);
            Parsed parsed = parse(file, channel, size, extent);
            return use.apply(parsed);
        } catch (NoSuchFileException e) {
            throw new DicomReadException(file, CANNOT_OPEN, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DicomReadException(file, CANNOT_OPEN, "no permission to read the file", e);
        } catch (IOException e) {
            throw new DicomReadException(file, CANNOT_OPEN, "the file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkSignature(Path file, FileChannel channel) throws IOException, DicomReadException {
        ByteBuffer head = ByteBuffer.allocate(FileSignature.BYTES_NEEDED);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        byte[] bytes = new byte[head.position()];
        head.flip().get(bytes);
        switch (FileSignature.of(bytes)) {
            case EMPTY -> throw new DicomReadException(file, NOT_DICOM, "the file is empty");
            case NOT_DICOM -> throw new DicomReadException(file, NOT_DICOM, "not a DICOM file");
            case PREAMBLE_MISSING -> throw new DicomReadException(file, DAMAGED,
                    "the file starts with \"DICM\" but its 128-byte preamble is missing; it was damaged in transfer");
            case PART_10, DATA_SET -> { }
        }
    }

    private Parsed parse(Path file, FileChannel channel, long size, Extent extent) throws DicomReadException {
        Stop stop = new Stop(extent);
        AttributeList list = new BoundedAttributeList(size * DEFLATE_EXPANSION);
        long end;
        TransferSyntax syntax;
        try {
            DicomInputStream in = new DicomInputStream(
                    new BufferedInputStream(Channels.newInputStream(channel.position(0)), BUFFER_SIZE));
            end = list.read(in, stop);
            syntax = in.getTransferSyntaxToReadDataSet();
        } catch (EOFException e) {
            throw truncated(file, e);
        } catch (ZipException e) {
            throw damaged(file, e); // a deflated data set (PS3.5 A.5) whose compressed bytes are corrupt
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).startsWith("Not a DICOM file")) {
                throw new DicomReadException(file, NOT_DICOM, "not a DICOM file", e);
            }
            throw new DicomReadException(file, CANNOT_OPEN, "the file cannot be read (" + e.getMessage() + ")", e);
        } catch (DicomException | RuntimeException | StackOverflowError e) {
            // PixelMed signals malformed encodings with DicomException, and now and then with a
            // NullPointerException or IndexOutOfBoundsException; all mean the same to a user.
            log.debug("PixelMed could not parse {}", file, e);
            throw damaged(file, e);
        }
        if (stop.unsupportedSyntax != null) {
            throw new DicomReadException(file, UNSUPPORTED_TRANSFER_SYNTAX,
                    "unsupported transfer syntax " + stop.unsupportedSyntax + " (unknown encoding; ask the sender to use"
                            + " a standard DICOM transfer syntax)");
        }
        if (syntax == null || list.isEmpty()) {
            throw new DicomReadException(file, NOT_DICOM, "not a DICOM file (no DICOM attributes found)");
        }
        boolean stoppedOnPurpose = stop.pixelDataOffset >= 0 || stop.directory && extent == Extent.HEADER;
        if (!stoppedOnPurpose && !syntax.isDeflated() && end < size) {
            // PixelMed ends a parse quietly when the stream ends inside an attribute.
            throw new DicomReadException(file, TRUNCATED, "the file is truncated: it ends inside its DICOM header");
        }
        return new Parsed(list, syntax, stop.pixelDataOffset, size, channel);
    }

    static DicomReadException truncated(Path file, Exception cause) {
        return new DicomReadException(file, TRUNCATED, "the file is truncated: it ends before its data does", cause);
    }

    static DicomReadException damaged(Path file, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new DicomReadException(file, DAMAGED,
                "the file is damaged: its DICOM encoding is broken (" + detail + ")", cause);
    }

    /**
     * Decides, after each top-level tag, whether PixelMed should read on. PixelMed calls this with
     * the tag just read and the offset just after it, before the value.
     */
    private static final class Stop implements AttributeList.ReadTerminationStrategy {
        private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

        private final Extent extent;
        private boolean checkedMeta;
        private long pixelDataOffset = -1;
        private String unsupportedSyntax;
        private boolean directory;

        Stop(Extent extent) {
            this.extent = extent;
        }

        @Override
        public boolean terminate(AttributeList list, AttributeTag tag, long offset) {
            if (!checkedMeta && tag.getGroup() != 0x0002) {
                checkedMeta = true;
                if (endsAfterMeta(list)) {
                    return true;
                }
            }
            if (extent == Extent.HEADER && tag.equals(TagFromName.PixelData)) {
                pixelDataOffset = offset;
                return true;
            }
            return false;
        }

        /**
         * Looks at the meta header once it is complete: an unknown transfer syntax means the data
         * set cannot be parsed at all (PS3.5 10: the syntax defines the encoding), and a DICOMDIR
         * has no image header, only a long directory not worth parsing to find that out.
         */
        private boolean endsAfterMeta(AttributeList list) {
            String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).strip();
            if (!syntax.isEmpty() && !isParseable(syntax)) {
                unsupportedSyntax = syntax;
                return true;
            }
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPClassUID);
            directory = DICOMDIR_SOP_CLASS.equals(sopClass.strip());
            return directory && extent == Extent.HEADER;
        }

        /**
         * PixelMed knows the syntax, or it is a standard one (all live under 1.2.840.10008.1.2):
         * every standard syntax PixelMed does not list (HTJ2K, encapsulated uncompressed...) encodes
         * its data set as explicit VR little endian (PS3.5 A.4), which is how PixelMed then reads
         * it. PixelMed's isRecognized() is false for deflate, which it reads perfectly well.
         */
        private static boolean isParseable(String syntax) {
            TransferSyntax known = new TransferSyntax(syntax);
            return known.isRecognized() || known.isDeflated() || syntax.startsWith("1.2.840.10008.1.2.");
        }
    }
}
