package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.UNDECODABLE_PIXELS;

import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * The pixel encodings (transfer syntaxes, PS3.5 8 and A.4) this workstation decodes through
 * PixelMed, and a clear refusal for the others before any time is spent on them.
 */
public enum PixelCodec {
    IMPLICIT_LITTLE_ENDIAN("1.2.840.10008.1.2", "implicit VR little endian"),
    EXPLICIT_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "explicit VR little endian"),
    DEFLATED_LITTLE_ENDIAN("1.2.840.10008.1.2.1.99", "deflated explicit VR little endian"),
    EXPLICIT_BIG_ENDIAN("1.2.840.10008.1.2.2", "explicit VR big endian"),
    RLE("1.2.840.10008.1.2.5", "RLE lossless"),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG baseline"),
    /** Process 2 and 4: decoded only at 8 bits; PixelMed 20220618 yields no pixels for 12-bit data. */
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG extended"),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG lossless"),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG lossless, first-order prediction"),
    /** Through jai-imageio-jpeg2000, which PixelMed finds on the classpath as an ImageIO reader. */
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 lossless"),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000");

    private final String uid;
    private final String label;

    PixelCodec(String uid, String label) {
        this.uid = uid;
        this.label = label;
    }

    public String uid() {
        return uid;
    }

    public String label() {
        return label;
    }

    public boolean isCompressed() {
        return ordinal() >= RLE.ordinal();
    }

    /**
     * Throws the reason a frame of this header cannot be decoded here, naming the encoding and
     * what the sender can do instead; returns quietly when it can be.
     */
    static PixelCodec require(Path file, DicomHeader header) throws DicomReadException {
        String syntax = header.instance().transferSyntaxUid();
        PixelCodec codec = Arrays.stream(values()).filter(c -> c.uid.equals(syntax)).findFirst().orElse(null);
        if (codec == null) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, "the images are compressed as " + describe(syntax)
                    + ", which this workstation cannot decode; ask the sender for JPEG lossless or uncompressed images");
        }
        if (codec == JPEG_EXTENDED && header.pixels().bitsStored() > 8) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, "the images are 12-bit extended JPEG (" + syntax
                    + "), which this workstation's DICOM toolkit cannot decode; ask the sender for JPEG lossless or"
                    + " uncompressed images");
        }
        if ((codec == JPEG_2000 || codec == JPEG_2000_LOSSLESS) && !ImageIO.getImageReadersByFormatName("jpeg2000").hasNext()) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, "the images are JPEG 2000 and no JPEG 2000 decoder"
                    + " is installed on this workstation");
        }
        return codec;
    }

    private static String describe(String syntax) {
        return switch (syntax) {
            case "1.2.840.10008.1.2.4.80" -> "JPEG-LS lossless (" + syntax + ")";
            case "1.2.840.10008.1.2.4.81" -> "JPEG-LS near-lossless (" + syntax + ")";
            case "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203" ->
                    "High-Throughput JPEG 2000 (" + syntax + ")";
            default -> "transfer syntax " + syntax;
        };
    }
}
