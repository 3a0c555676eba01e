package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grey-scale JPEG lossless frames (1.2.840.10008.1.2.4.57 and .70) decoded by Lightbox's own
 * {@link LosslessJpegDecoder} instead of PixelMed, whose decoder takes some 40 ms for a 512x512 CT
 * slice, too slow to scroll a stack as it arrives from a PACS. The header is parsed, then only the
 * frames asked for are read from the file and decoded. The samples are made exactly as for
 * PixelMed's (Bits Stored, High Bit, Pixel Representation applied by {@link PixelSamples}), so what
 * is shown does not depend on which decoder ran. Whatever this decoder declines, a variant or a
 * damaged stream, returns null, and PixelMed decodes the file as before.
 */
final class LosslessJpegFrames {
    private static final Logger log = LoggerFactory.getLogger(LosslessJpegFrames.class);

    private final DataSetReader dataSets;
    private final LosslessJpegDecoder decoder = new LosslessJpegDecoder();

    LosslessJpegFrames(DataSetReader dataSets) {
        this.dataSets = dataSets;
    }

    /** Whether this decoder is tried for the file: one grey sample per pixel in 8 or 16 bits, lossless JPEG. */
    static boolean decodes(PixelCodec codec, DicomHeader header) {
        DicomHeader.PixelEncoding pixels = header.pixels();
        String photometric = photometric(header);
        return (codec == PixelCodec.JPEG_LOSSLESS || codec == PixelCodec.JPEG_LOSSLESS_SV1)
                && pixels.samplesPerPixel() == 1
                && (pixels.bitsAllocated() == 8 || pixels.bitsAllocated() == 16)
                && (photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2"));
    }

    /**
     * Frames {@code from} to {@code to - 1}; null when this decoder does not take the file, for
     * PixelMed to decode it (and to report what is wrong with it).
     */
    DecodedImage decode(Path file, DicomHeader header, int from, int to) {
        try {
            return dataSets.read(file, DataSetReader.Extent.HEADER, parsed -> {
                try {
                    return new DecodedImage(header, from, frames(file, header, parsed, from, to));
                } catch (LosslessJpegException e) {
                    log.debug("{}: decoded by PixelMed instead ({})", file, e.getMessage());
                    return null;
                }
            });
        } catch (DicomReadException | RuntimeException e) {
            log.debug("{}: decoded by PixelMed instead", file, e);
            return null;
        }
    }

    private List<RawFrame> frames(Path file, DicomHeader header, DataSetReader.Parsed parsed, int from, int to)
            throws LosslessJpegException, IOException, DicomReadException {
        AttributeList list = parsed.attributes();
        DataSet data = new DataSet(list);
        Greyscale greyscale = GreyscaleAttributes.read(data, list, header, photometric(header));
        FrameFunctionalGroups groups = FrameFunctionalGroups.of(list);
        int highBit = data.integer(TagFromName.HighBit, greyscale.bitsStored() - 1);
        int columns = header.geometry().columns();
        int rows = header.geometry().rows();
        EncapsulatedFrames encapsulated = EncapsulatedFrames.locate(parsed, header.geometry().numberOfFrames());
        short[] decoded = new short[columns * rows];
        List<RawFrame> frames = new ArrayList<>(to - from);
        for (int f = from; f < to; f++) {
            int precision = decoder.decode(encapsulated.frame(f), columns, rows, decoded);
            if (precision > header.pixels().bitsAllocated()) {
                throw new LosslessJpegException(precision + "-bit samples in " + header.pixels().bitsAllocated()
                        + " bits allocated");
            }
            short[] samples = PixelSamples.ofWords(decoded).grey(file, 0, decoded.length, greyscale, highBit);
            frames.add(new GreyFrame(columns, rows, samples, groups.greyscale(greyscale, f)));
        }
        return frames;
    }

    private static String photometric(DicomHeader header) {
        return header.pixels().photometricInterpretation().strip().toUpperCase(Locale.ROOT);
    }
}
