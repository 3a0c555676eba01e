package org.lightbox.dicom.testing;

import java.nio.file.Path;

/**
 * Makes real DICOM files for tests, written by the same PixelMed code as the sample studies:
 * <pre>{@code
 * Path slice = TestDicomFiles.ctSlice(tempDir, "LB-100001", "DEMO0001");
 * Path other = TestDicomFiles.ct().patient("LB-7", "DOE^JANE").accession("A7").instanceNumber(3).writeTo(tempDir);
 * }</pre>
 * Every file gets fresh UIDs unless the test sets them.
 */
public final class TestDicomFiles {

    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";

    private TestDicomFiles() {
    }

    /** A small CT slice for the given patient and accession, written into {@code folder}. */
    public static Path ctSlice(Path folder, String patientId, String accessionNumber) {
        return ct().patient(patientId, "TEST^PATIENT").accession(accessionNumber).writeTo(folder);
    }

    public static TestDicomFile ct() {
        return new TestDicomFile("CT", CT_IMAGE_STORAGE)
                .with("RescaleIntercept", "-1024").with("RescaleSlope", "1")
                .with("WindowCenter", "40").with("WindowWidth", "400");
    }

    public static TestDicomFile mr() {
        return new TestDicomFile("MR", MR_IMAGE_STORAGE);
    }

    public static TestDicomFile cr() {
        return new TestDicomFile("CR", CR_IMAGE_STORAGE).with("ImageType", "ORIGINAL", "PRIMARY");
    }
}
