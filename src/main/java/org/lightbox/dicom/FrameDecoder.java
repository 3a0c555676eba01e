package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.UNDECODABLE_PIXELS;
import static org.lightbox.dicom.DicomReadException.Reason.WRONG_KIND;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the frames of one DICOM file into Lightbox's own {@link RawFrame}s: through PixelMed,
 * except grey-scale JPEG lossless, which has its own faster decoder. The header is read (and
 * checked for truncation) first, and encodings this workstation cannot decode are refused with a
 * reason before the file is read whole. Stateless and safe to share between threads.
 */
public final class FrameDecoder {

    private final DicomHeaderReader headers = new DicomHeaderReader();
    private final DataSetReader dataSets = new DataSetReader();
    /** Null where every frame goes through PixelMed. */
    private final LosslessJpegFrames losslessJpeg;

    public FrameDecoder() {
        this.losslessJpeg = new LosslessJpegFrames(dataSets);
    }

    private FrameDecoder(LosslessJpegFrames losslessJpeg) {
        this.losslessJpeg = losslessJpeg;
    }

    /** A decoder that leaves JPEG lossless to PixelMed too: what the own decoder's output is held to. */
    static FrameDecoder pixelMedOnly() {
        return new FrameDecoder(null);
    }

    /**
     * @throws DicomReadException with a message for the viewport when the file is not an image, is
     *                            damaged, or is encoded in a way this workstation cannot decode
     */
    public DecodedImage decode(Path file) throws DicomReadException {
        return decode(file, 0, Integer.MAX_VALUE);
    }

    /**
     * Only frames {@code first} to {@code first + count - 1} (from 0, cut to the frames the file
     * has): what a viewer caches of a long multi-frame file. Grey-scale JPEG lossless, the common
     * CT and MR encoding, is decoded by {@link LosslessJpegFrames}, frame by frame and only the
     * frames asked for; anything else, or anything that decoder declines, by PixelMed, which reads
     * the whole Pixel Data value but turns only these frames into samples.
     *
     * @throws DicomReadException as {@link #decode(Path)}
     */
    public DecodedImage decode(Path file, int first, int count) throws DicomReadException {
        DicomHeader header = headers.read(file);
        if (!header.geometry().hasImage()) {
            throw new DicomReadException(file, WRONG_KIND, "this instance holds no image (SOP class "
                    + header.instance().sopClassUid() + ")");
        }
        PixelCodec codec = PixelCodec.require(file, header);
        int from = Math.max(0, Math.min(first, header.geometry().numberOfFrames()));
        int to = (int) Math.min(header.geometry().numberOfFrames(), (long) from + Math.max(0, count));
        if (losslessJpeg != null && LosslessJpegFrames.decodes(codec, header)) {
            DecodedImage own = losslessJpeg.decode(file, header, from, to);
            if (own != null) {
                return own;
            }
        }
        return dataSets.read(file, DataSetReader.Extent.WHOLE_FILE, parsed -> {
            try {
                return new DecodedImage(header, from, frames(file, header, codec, parsed.attributes(), from, to));
            } catch (DicomException | RuntimeException e) {
                throw new DicomReadException(file, DAMAGED, "the pixel data cannot be read (" + e.getMessage() + ")", e);
            }
        });
    }

    private static List<RawFrame> frames(Path file, DicomHeader header, PixelCodec codec, AttributeList list, int from,
                                         int to) throws DicomException, DicomReadException {
        Attribute pixelData = list.getPixelData();
        if (pixelData == null || pixelData.getVL() == 0) {
            if (codec.isCompressed()) {
                throw new DicomReadException(file, UNDECODABLE_PIXELS, "the DICOM toolkit decoded no pixels from this "
                        + codec.label() + " image; it may be damaged, or use a JPEG variant the toolkit lacks");
            }
            throw new DicomReadException(file, DAMAGED, "the file has no pixel data");
        }
        DataSet data = new DataSet(list);
        String photometric = photometric(list, header);
        PixelSamples samples = PixelSamples.of(file, pixelData, header.pixels().bitsAllocated());
        int columns = header.geometry().columns();
        int rows = header.geometry().rows();
        List<RawFrame> frames = new ArrayList<>(to - from);
        switch (photometric) {
            case "MONOCHROME1", "MONOCHROME2" -> {
                Greyscale greyscale = GreyscaleAttributes.read(data, list, header, photometric);
                FrameFunctionalGroups groups = FrameFunctionalGroups.of(list);
                int highBit = data.integer(TagFromName.HighBit, greyscale.bitsStored() - 1);
                for (int f = from; f < to; f++) {
                    frames.add(new GreyFrame(columns, rows, samples.grey(file, f, columns * rows, greyscale, highBit),
                            groups.greyscale(greyscale, f)));
                }
            }
            case "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_RCT", "YBR_ICT", "YBR_PARTIAL_422", "YBR_PARTIAL_420" -> {
                int planar = data.integer(TagFromName.PlanarConfiguration, 0);
                for (int f = from; f < to; f++) {
                    frames.add(new ColourFrame(columns, rows,
                            samples.colour(file, f, columns, rows, photometric, planar, header.pixels().bitsStored())));
                }
            }
            case "PALETTE COLOR" -> {
                PaletteColour palette = PaletteColour.read(file, list);
                for (int f = from; f < to; f++) {
                    frames.add(new ColourFrame(columns, rows, palette.apply(samples.indices(file, f, columns * rows))));
                }
            }
            default -> throw new DicomReadException(file, UNDECODABLE_PIXELS, "the photometric interpretation \""
                    + photometric + "\" is not one this workstation can display");
        }
        return frames;
    }

    /**
     * What the decoded pixels are: PixelMed converts YBR to RGB while decompressing JPEG (PS3.5
     * 8.2.1 lets the codec carry the colour space), and says so here.
     */
    private static String photometric(AttributeList list, DicomHeader header) {
        try {
            String decompressed = list.getDecompressedPhotometricInterpretation();
            if (decompressed != null && !decompressed.isBlank()) {
                return decompressed.strip().toUpperCase(Locale.ROOT);
            }
        } catch (DicomException e) {
            // fall back to the header's
        }
        return header.pixels().photometricInterpretation().strip().toUpperCase(Locale.ROOT);
    }
}
