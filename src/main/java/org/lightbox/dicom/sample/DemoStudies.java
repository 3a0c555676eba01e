package org.lightbox.dicom.sample;

import static org.lightbox.dicom.sample.SampleTransferSyntax.DEFLATED;
import static org.lightbox.dicom.sample.SampleTransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
import static org.lightbox.dicom.sample.SampleTransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
import static org.lightbox.dicom.sample.SampleTransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
import static org.lightbox.dicom.sample.SampleTransferSyntax.JPEG_BASELINE;
import static org.lightbox.dicom.sample.SampleTransferSyntax.JPEG_LOSSLESS_SV1;
import static org.lightbox.dicom.sample.SampleTransferSyntax.RLE_LOSSLESS;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.lightbox.dicom.sample.CtSlices.Window;
import org.lightbox.dicom.sample.MrSlices.Weighting;

/**
 * The demo studies: made-up patients, no real data. The foundation seeds its demo requests with
 * these accession numbers, so they must not change; the sinus study has no accession on purpose,
 * so that it lands in the unmatched queue.
 */
public final class DemoStudies {

    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    static final String CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";
    static final String US_MULTIFRAME_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.3.1";

    private static final DemoPatient MOREAU = new DemoPatient("LB-100001", "MOREAU^ALICE", "ISO_IR 100",
            LocalDate.of(1954, 3, 12), "F");
    private static final DemoPatient NOVAK = new DemoPatient("LB-100002", "NOVAK^BORIS", "ISO_IR 100",
            LocalDate.of(1961, 7, 30), "M");
    private static final DemoPatient ROSSI = new DemoPatient("LB-100003", "ROSSI^CHIARA", "ISO_IR 100",
            LocalDate.of(1979, 11, 2), "F");
    private static final DemoPatient IVANOV = new DemoPatient("LB-100004", "IVANOV^DMITRI", "ISO_IR 100",
            LocalDate.of(1948, 1, 19), "M");
    private static final DemoPatient COHEN = new DemoPatient("LB-100005", "COHEN^ESTHER", "ISO_IR 100",
            LocalDate.of(1990, 5, 25), "F");
    /** Greek in ISO 8859-7 (PS3.3 C.12.1.1.2, "ISO_IR 126"), to exercise character set decoding. */
    private static final DemoPatient PAPADOPOULOS = new DemoPatient("LB-100006", "ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ", "ISO_IR 126",
            LocalDate.of(1985, 9, 14), "F");

    private static final List<DemoStudy> ALL = List.of(
            new DemoStudy(1, "DEMO0001-ct-head", MOREAU, "DEMO0001", "CT", "CT head without contrast",
                    LocalDateTime.of(2025, 6, 2, 8, 12, 4)),
            new DemoStudy(2, "DEMO0000-ct-head-prior", MOREAU, "DEMO0000", "CT", "CT head without contrast",
                    LocalDateTime.of(2024, 6, 3, 9, 40, 31)),
            new DemoStudy(3, "DEMO0002-ct-chest", NOVAK, "DEMO0002", "CT", "CT chest with contrast",
                    LocalDateTime.of(2025, 6, 2, 9, 5, 47)),
            new DemoStudy(4, "DEMO0003-mr-knee", ROSSI, "DEMO0003", "MR", "MR knee left",
                    LocalDateTime.of(2025, 6, 2, 10, 20, 12)),
            new DemoStudy(5, "DEMO0004-cr-chest", IVANOV, "DEMO0004", "CR", "Chest X-ray PA",
                    LocalDateTime.of(2025, 6, 2, 7, 48, 55)),
            new DemoStudy(6, "DEMO0005-us-abdomen", COHEN, "DEMO0005", "US", "US abdomen",
                    LocalDateTime.of(2025, 6, 2, 11, 2, 9)),
            new DemoStudy(7, "unmatched-ct-sinus", PAPADOPOULOS, "", "CT", "CT sinus",
                    LocalDateTime.of(2025, 6, 2, 12, 30, 40)));

    private DemoStudies() {
    }

    public static List<DemoStudy> all() {
        return ALL;
    }

    /** The series of a study, each with the recipe for its images. */
    static List<DemoSeries> series(DemoStudy study) {
        return switch (study.number()) {
            case 1 -> List.of(new DemoSeries(1, "Head 5 mm", "HEAD", CT_IMAGE_STORAGE, JPEG_LOSSLESS_SV1,
                    new CtSlices(AnatomicalPhantoms.head(true), SliceStack.axial(256, 240, 105, 5, 24, 5), false, 1.5, 11,
                            List.of(new Window(40, 80, "BRAIN"), new Window(600, 2800, "BONE")))));
            case 2 -> List.of(new DemoSeries(1, "Head 10 mm", "HEAD", CT_IMAGE_STORAGE, RLE_LOSSLESS,
                    new CtSlices(AnatomicalPhantoms.head(false), SliceStack.axial(256, 240, 100, 10, 12, 10), false, 0, 21,
                            List.of(new Window(40, 80, "BRAIN"), new Window(600, 2800, "BONE")))));
            case 3 -> List.of(new DemoSeries(1, "Chest 5 mm venous phase", "CHEST", CT_IMAGE_STORAGE, DEFLATED,
                    new CtSlices(AnatomicalPhantoms.chest(), SliceStack.axial(256, 380, -40, 5, 32, 5), true, 0, 31,
                            List.of(new Window(40, 400, "MEDIASTINUM"), new Window(-600, 1500, "LUNG")))));
            case 4 -> List.of(
                    new DemoSeries(1, "SAG PD", "KNEE", MR_IMAGE_STORAGE, EXPLICIT_VR_BIG_ENDIAN,
                            new MrSlices(AnatomicalPhantoms.knee(), SliceStack.sagittal(192, 160, -30, 4, 16, 3.5),
                                    Weighting.PROTON_DENSITY, 10, 41)),
                    new DemoSeries(2, "COR T1", "KNEE", MR_IMAGE_STORAGE, JPEG_LOSSLESS_SV1,
                            new MrSlices(AnatomicalPhantoms.knee(), SliceStack.coronal(192, 160, -30, 4, 16, 3.5),
                                    Weighting.T1, 10, 42)));
            case 5 -> List.of(new DemoSeries(1, "Chest PA", "CHEST", CR_IMAGE_STORAGE, EXPLICIT_VR_LITTLE_ENDIAN,
                    new ChestRadiograph(AnatomicalPhantoms.chest(), 512, 0.8, -120, 51)));
            case 6 -> List.of(new DemoSeries(1, "RUQ cine", "ABDOMEN", US_MULTIFRAME_IMAGE_STORAGE, JPEG_BASELINE,
                    new AbdomenCine(20, 61)));
            case 7 -> List.of(new DemoSeries(1, "Sinus 3 mm", "HEAD", CT_IMAGE_STORAGE, IMPLICIT_VR_LITTLE_ENDIAN,
                    new CtSlices(AnatomicalPhantoms.head(false), SliceStack.axial(192, 180, -19, 7, 8, 3), false, 2, 71,
                            List.of(new Window(600, 2800, "BONE"), new Window(40, 400, "SOFT TISSUE")))));
            default -> throw new IllegalArgumentException("no demo study number " + study.number());
        };
    }
}
