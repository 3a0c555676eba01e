package org.lightbox.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What Lightbox needs to know about one DICOM instance without touching its pixels: who, which
 * study/series/instance, and how to lay out and grey-scale the image. Grouped the way the DICOM
 * information model groups them (PS3.3 A.1: patient, study, series, instance, image modules).
 *
 * <p>Texts are never null: an absent or empty attribute is {@code ""} (DICOM "Type 2", known to be
 * unknown). Dates and measurements that may be absent are null.
 */
public record DicomHeader(Patient patient, Study study, Series series, Instance instance,
                          ImageGeometry geometry, PixelEncoding pixels) {

    public DicomHeader {
        Objects.requireNonNull(patient);
        Objects.requireNonNull(study);
        Objects.requireNonNull(series);
        Objects.requireNonNull(instance);
        Objects.requireNonNull(geometry);
        Objects.requireNonNull(pixels);
    }

    /**
     * @param id        Patient ID (0010,0020), the MRN
     * @param birthDate Patient's Birth Date (0010,0030); null when absent or unreadable
     * @param sex       Patient's Sex (0010,0040): {@code M}, {@code F}, {@code O} or {@code ""}
     */
    public record Patient(String id, PersonName name, LocalDate birthDate, String sex) {
    }

    /**
     * @param dateTime Study Date (0008,0020) with Study Time (0008,0030), midnight when only the
     *                 date is known; null without a date
     */
    public record Study(String instanceUid, String accessionNumber, LocalDateTime dateTime, String description) {
    }

    /** @param number Series Number (0020,0011); null when absent */
    public record Series(String instanceUid, String modality, String bodyPartExamined, String description,
                         Integer number) {
    }

    /**
     * @param transferSyntaxUid how the file is encoded: from the meta header (0002,0010), or the
     *                          syntax a raw data set turned out to use
     * @param number            Instance Number (0020,0013); null when absent
     */
    public record Instance(String sopInstanceUid, String sopClassUid, String transferSyntaxUid, Integer number) {
    }

    /**
     * Where the pixels are. Rows and columns are 0 for an instance without an image (a report, a
     * presentation state).
     *
     * @param pixelSpacing  Pixel Spacing (0028,0030); null when absent (e.g. most ultrasound)
     * @param sliceLocation Slice Location (0020,1041); null when absent
     * @param imagePosition Image Position (Patient) (0020,0032); null when absent
     */
    public record ImageGeometry(int rows, int columns, int numberOfFrames, PixelSpacing pixelSpacing,
                                Double sliceLocation, ImagePosition imagePosition) {

        public boolean hasImage() {
            return rows > 0 && columns > 0;
        }
    }

    /** Pixel Spacing (0028,0030): distance between the centres of adjacent rows, then columns, in mm. */
    public record PixelSpacing(double row, double column) {
    }

    /** Image Position (Patient) (0020,0032): centre of the first pixel, in mm, patient coordinates. */
    public record ImagePosition(double x, double y, double z) {
    }

    /**
     * How stored pixel values become grey levels: the Image Pixel module (PS3.3 C.7.6.3), the
     * modality LUT as rescale (C.11.1; slope 1 and intercept 0 when absent) and the VOI windows
     * (C.11.2) in the order the header lists them.
     *
     * @param pixelRepresentation 0 unsigned, 1 two's complement
     */
    public record PixelEncoding(String photometricInterpretation, int samplesPerPixel, int bitsAllocated,
                                int bitsStored, int pixelRepresentation, double rescaleSlope,
                                double rescaleIntercept, List<VoiWindow> windows) {

        public PixelEncoding {
            windows = List.copyOf(windows);
        }

        public boolean isSigned() {
            return pixelRepresentation == 1;
        }

        /** The first window in the header, the one the modality meant as default; null if none. */
        public VoiWindow defaultWindow() {
            return windows.isEmpty() ? null : windows.get(0);
        }
    }

    /** One Window Center (0028,1050) / Window Width (0028,1051) pair, with its explanation if any. */
    public record VoiWindow(double center, double width, String explanation) {
    }
}
