package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.MISSING_ATTRIBUTE;
import static org.lightbox.dicom.DicomReadException.Reason.TRUNCATED;
import static org.lightbox.dicom.DicomReadException.Reason.WRONG_KIND;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lightbox.dicom.DicomHeader.ImageGeometry;
import org.lightbox.dicom.DicomHeader.ImagePosition;
import org.lightbox.dicom.DicomHeader.Instance;
import org.lightbox.dicom.DicomHeader.Patient;
import org.lightbox.dicom.DicomHeader.PixelEncoding;
import org.lightbox.dicom.DicomHeader.PixelSpacing;
import org.lightbox.dicom.DicomHeader.Series;
import org.lightbox.dicom.DicomHeader.Study;
import org.lightbox.dicom.DicomHeader.VoiWindow;

/**
 * Reads the header of one DICOM file, a Part 10 file or a raw data set without preamble and meta
 * header, and stops in front of the pixel data: this is what indexing thousands of files runs, so
 * it reads only the first few kilobytes of each. Stateless and safe to share between threads.
 */
public final class DicomHeaderReader {

    private final DataSetReader dataSets = new DataSetReader();

    /**
     * @throws DicomReadException if the file is not DICOM, is truncated or damaged, or lacks the
     *                            identifiers every instance needs; never any other exception for
     *                            a bad file
     */
    public DicomHeader read(Path file) throws DicomReadException {
        DicomHeader scanned = scanned(file);
        return scanned != null ? scanned : readWithPixelMed(file);
    }

    /**
     * The fast path: the header scan, for the plain well-formed files that make up nearly every
     * import; null for any other file, and for any file the scan's header would reject, so that
     * PixelMed's path below has the last word on what is wrong with a file.
     */
    static DicomHeader scanned(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            HeaderScanner.Scan scan = HeaderScanner.scan(channel, size);
            if (scan == null) {
                return null;
            }
            DataSetReader.Parsed parsed = new DataSetReader.Parsed(new AttributeList(),
                    new TransferSyntax(scan.transferSyntaxUid()), scan.pixelDataOffset(), size, channel);
            return header(file, parsed, scan.values(), scan.otherPixelData());
        } catch (IOException | DicomReadException | RuntimeException e) {
            return null;
        }
    }

    /** The whole header parsed by PixelMed: every file the scan leaves alone, and the reference the scan is tested against. */
    DicomHeader readWithPixelMed(Path file) throws DicomReadException {
        return dataSets.read(file, DataSetReader.Extent.HEADER, parsed -> header(file, parsed,
                new DataSet(parsed.attributes()), parsed.attributes().containsKey(TagFromName.FloatPixelData)
                        || parsed.attributes().containsKey(TagFromName.DoubleFloatPixelData)));
    }

    /** @param otherPixelData Float or Double Float Pixel Data is present, which needs no Pixel Data */
    private static DicomHeader header(Path file, DataSetReader.Parsed parsed, AttributeValues data,
                                      boolean otherPixelData) throws DicomReadException, IOException {
        String mediaStorageSopClass = data.text(TagFromName.MediaStorageSOPClassUID);
        if (DicomDirReader.DICOMDIR_SOP_CLASS.equals(mediaStorageSopClass)) {
            throw new DicomReadException(file, WRONG_KIND,
                    "this is a DICOMDIR (the index of a CD or folder), not an image; import its folder instead");
        }
        ImageGeometry geometry = geometry(data);
        PixelEncoding pixels = pixels(data);
        String sopClass = firstNonEmpty(data.text(TagFromName.SOPClassUID), mediaStorageSopClass);
        checkPixelData(file, parsed, otherPixelData, sopClass, geometry, pixels);
        if (sopClass.isEmpty()) {
            throw missing(file, parsed, TagFromName.SOPClassUID, "SOP Class UID");
        }
        Instance instance = new Instance(required(file, parsed, data, TagFromName.SOPInstanceUID, "SOP Instance UID"),
                sopClass, transferSyntax(data, parsed), data.integer(TagFromName.InstanceNumber));
        Study study = study(file, parsed, data);
        Series series = series(file, parsed, data);
        return new DicomHeader(patient(data), study, series, instance, geometry, pixels);
    }

    private static Patient patient(AttributeValues data) {
        return new Patient(data.text(TagFromName.PatientID), PersonName.parse(data.text(TagFromName.PatientName)),
                data.date(TagFromName.PatientBirthDate), data.text(TagFromName.PatientSex).toUpperCase(Locale.ROOT));
    }

    private static Study study(Path file, DataSetReader.Parsed parsed, AttributeValues data) throws DicomReadException {
        LocalDate date = data.date(TagFromName.StudyDate);
        LocalTime time = data.time(TagFromName.StudyTime);
        LocalDateTime dateTime = date == null ? null : date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        return new Study(required(file, parsed, data, TagFromName.StudyInstanceUID, "Study Instance UID"),
                data.text(TagFromName.AccessionNumber), dateTime, data.text(TagFromName.StudyDescription));
    }

    private static Series series(Path file, DataSetReader.Parsed parsed, AttributeValues data) throws DicomReadException {
        return new Series(required(file, parsed, data, TagFromName.SeriesInstanceUID, "Series Instance UID"),
                data.text(TagFromName.Modality), data.text(TagFromName.BodyPartExamined),
                data.text(TagFromName.SeriesDescription), data.integer(TagFromName.SeriesNumber));
    }

    private static ImageGeometry geometry(AttributeValues data) {
        List<Double> spacing = data.decimals(TagFromName.PixelSpacing);
        List<Double> position = data.decimals(TagFromName.ImagePositionPatient);
        return new ImageGeometry(data.integer(TagFromName.Rows, 0), data.integer(TagFromName.Columns, 0),
                // PS3.3 C.7.6.6: Number of Frames is absent for single-frame objects.
                Math.max(1, data.integer(TagFromName.NumberOfFrames, 1)),
                spacing.size() == 2 ? new PixelSpacing(spacing.get(0), spacing.get(1)) : null,
                data.decimal(TagFromName.SliceLocation),
                position.size() == 3 ? new ImagePosition(position.get(0), position.get(1), position.get(2)) : null);
    }

    private static PixelEncoding pixels(AttributeValues data) {
        int bitsAllocated = data.integer(TagFromName.BitsAllocated, 0);
        return new PixelEncoding(data.text(TagFromName.PhotometricInterpretation),
                data.integer(TagFromName.SamplesPerPixel, 1), bitsAllocated,
                data.integer(TagFromName.BitsStored, bitsAllocated), data.integer(TagFromName.PixelRepresentation, 0),
                data.decimal(TagFromName.RescaleSlope, 1), data.decimal(TagFromName.RescaleIntercept, 0),
                windows(data));
    }

    /** PS3.3 C.11.2.1.2: Window Center and Width are paired value by value; a width must be >= 1. */
    static List<VoiWindow> windows(AttributeValues data) {
        List<Double> centers = data.decimals(TagFromName.WindowCenter);
        List<Double> widths = data.decimals(TagFromName.WindowWidth);
        String[] explanations = data.values(TagFromName.WindowCenterWidthExplanation);
        List<VoiWindow> windows = new ArrayList<>();
        for (int i = 0; i < Math.min(centers.size(), widths.size()); i++) {
            if (widths.get(i) >= 1) {
                windows.add(new VoiWindow(centers.get(i), widths.get(i), i < explanations.length ? explanations[i] : ""));
            }
        }
        return windows;
    }

    private static String transferSyntax(AttributeValues data, DataSetReader.Parsed parsed) {
        return firstNonEmpty(data.text(TagFromName.TransferSyntaxUID), parsed.transferSyntax().getUID());
    }

    /**
     * An image whose header parse found no Pixel Data was cut off right after its header; one whose
     * Pixel Data value is shorter than announced was cut off inside it.
     */
    private static void checkPixelData(Path file, DataSetReader.Parsed parsed, boolean otherPixelData, String sopClass,
                                       ImageGeometry geometry, PixelEncoding pixels)
            throws DicomReadException, IOException {
        if (parsed.pixelDataOffset() < 0) {
            boolean describesPixels = geometry.hasImage() && pixels.bitsAllocated() > 0;
            if ((describesPixels || isImageStorage(sopClass)) && !otherPixelData) {
                throw new DicomReadException(file, TRUNCATED, "the file is truncated: it ends before its pixel data");
            }
            return;
        }
        PixelDataExtent.check(file, parsed, nativeBytes(geometry, pixels));
    }

    /**
     * Whether the SOP class is an image storage class, which must carry pixel data: all their
     * keywords (PS3.6 Table A-1) contain "ImageStorage", e.g. CTImageStorage.
     */
    private static boolean isImageStorage(String sopClass) {
        String keyword = sopClass.isEmpty() ? null : SOPClassDescriptions.getKeywordFromUID(sopClass);
        return keyword != null && keyword.contains("ImageStorage");
    }

    /** Bytes of uncompressed pixels; -1 where sub-sampled or bit-packed layouts make it not worth computing. */
    private static long nativeBytes(ImageGeometry geometry, PixelEncoding pixels) {
        boolean subsampled = pixels.photometricInterpretation().endsWith("_422")
                || pixels.photometricInterpretation().endsWith("_420");
        if (pixels.bitsAllocated() % 8 != 0 || subsampled) {
            return -1;
        }
        return (long) geometry.rows() * geometry.columns() * geometry.numberOfFrames() * pixels.samplesPerPixel()
                * (pixels.bitsAllocated() / 8);
    }

    private static String required(Path file, DataSetReader.Parsed parsed, AttributeValues data, AttributeTag tag, String name)
            throws DicomReadException {
        String value = data.text(tag);
        if (value.isEmpty()) {
            throw missing(file, parsed, tag, name);
        }
        return value;
    }

    /**
     * Without Pixel Data the parse ran to the end of the file, and a file cut short between two
     * attributes looks exactly like one that never had the rest: say both.
     */
    private static DicomReadException missing(Path file, DataSetReader.Parsed parsed, AttributeTag tag, String name) {
        String attribute = String.format(Locale.ROOT, "%s (%04X,%04X)", name, tag.getGroup(), tag.getElement());
        if (parsed.pixelDataOffset() < 0) {
            return new DicomReadException(file, TRUNCATED,
                    "the file is truncated or incomplete: it ends without a " + attribute);
        }
        return new DicomReadException(file, MISSING_ATTRIBUTE,
                "missing " + attribute + ": the sending system must fill it in");
    }

    private static String firstNonEmpty(String first, String second) {
        return first.isEmpty() ? second.strip() : first;
    }
}
