package org.lightbox.dicom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lightbox.dicom.sample.PixelPayload;
import org.lightbox.dicom.sample.SyntheticInstance;
import org.lightbox.dicom.sample.SyntheticInstanceWriter;

/**
 * One DICOM file to be made for a test: sensible defaults for everything, fresh UIDs, and a setter
 * for each value a test is likely to care about. Anything else goes through
 * {@link #with(String, String...)} by DICOM keyword; {@link #without(String)} makes a file that
 * lacks an attribute. Start from {@link TestDicomFiles}.
 */
public final class TestDicomFile {

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private int rows = 8;
    private int columns = 8;
    private int frames = 1;
    private boolean withPixels = true;
    private String transferSyntaxUid = "1.2.840.10008.1.2.1";

    TestDicomFile(String modality, String sopClassUid) {
        set("SOPClassUID", sopClassUid);
        set("SOPInstanceUID", newUid());
        set("StudyInstanceUID", newUid());
        set("SeriesInstanceUID", newUid());
        set("Modality", modality);
        set("StudyID", "1");
        patient("LB-TEST-1", "TEST^PATIENT");
        birthDate(LocalDate.of(1970, 1, 1));
        sex("O");
        accession("TEST0001");
        studyDateTime(LocalDateTime.of(2025, 1, 15, 9, 30, 0));
        studyDescription("Test study");
        seriesDescription("Test series");
        seriesNumber(1);
        instanceNumber(1);
        set("ImageType", "ORIGINAL", "PRIMARY", "AXIAL");
    }

    /** A UID under the UUID-derived root 2.25 (PS3.5 B.2): unique without any registration. */
    public static String newUid() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    public TestDicomFile patient(String id, String dicomName) {
        return set("PatientID", id).set("PatientName", dicomName);
    }

    public TestDicomFile birthDate(LocalDate date) {
        return set("PatientBirthDate", date.format(DA));
    }

    public TestDicomFile sex(String sex) {
        return set("PatientSex", sex);
    }

    public TestDicomFile accession(String accessionNumber) {
        return set("AccessionNumber", accessionNumber);
    }

    public TestDicomFile study(String studyInstanceUid) {
        return set("StudyInstanceUID", studyInstanceUid);
    }

    public TestDicomFile series(String seriesInstanceUid) {
        return set("SeriesInstanceUID", seriesInstanceUid);
    }

    public TestDicomFile sopInstance(String sopInstanceUid) {
        return set("SOPInstanceUID", sopInstanceUid);
    }

    public TestDicomFile studyDateTime(LocalDateTime when) {
        return set("StudyDate", when.format(DA)).set("StudyTime", when.format(TM));
    }

    public TestDicomFile studyDescription(String description) {
        return set("StudyDescription", description);
    }

    public TestDicomFile seriesDescription(String description) {
        return set("SeriesDescription", description);
    }

    public TestDicomFile bodyPart(String bodyPartExamined) {
        return set("BodyPartExamined", bodyPartExamined);
    }

    public TestDicomFile seriesNumber(int number) {
        return set("SeriesNumber", Integer.toString(number));
    }

    public TestDicomFile instanceNumber(int number) {
        return set("InstanceNumber", Integer.toString(number));
    }

    /** Names the character set, e.g. {@code ISO_IR 192}; names and texts are then encoded in it. */
    public TestDicomFile characterSet(String... specificCharacterSet) {
        return set("SpecificCharacterSet", specificCharacterSet);
    }

    /** Image size; the pixels are a small ramp so that a viewer shows something. */
    public TestDicomFile image(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        return this;
    }

    public TestDicomFile frames(int numberOfFrames) {
        this.frames = numberOfFrames;
        return set("NumberOfFrames", Integer.toString(numberOfFrames));
    }

    /** A file with a header and no Pixel Data. */
    public TestDicomFile withoutPixels() {
        this.withPixels = false;
        return this;
    }

    /** One of {@link SyntheticInstanceWriter#WRITABLE_SYNTAXES}; explicit VR little endian by default. */
    public TestDicomFile transferSyntax(String uid) {
        this.transferSyntaxUid = uid;
        return this;
    }

    /** Sets any attribute by its DICOM keyword (PS3.6), e.g. {@code with("WindowCenter", "40", "400")}. */
    public TestDicomFile with(String keyword, String... values) {
        return set(keyword, values);
    }

    /** Leaves an attribute out of the file altogether. */
    public TestDicomFile without(String keyword) {
        attributes.remove(keyword);
        return this;
    }

    /** The current value of an attribute, e.g. the generated {@code StudyInstanceUID}; null if absent. */
    public String value(String keyword) {
        List<String> values = attributes.get(keyword);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Writes the file into {@code folder}, named after its SOP Instance UID. */
    public Path writeTo(Path folder) {
        String name = value("SOPInstanceUID") == null ? newUid() : value("SOPInstanceUID");
        return writeAs(folder.resolve(name + ".dcm"));
    }

    public Path writeAs(Path file) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        PixelPayload pixels = PixelPayload.none();
        if (withPixels) {
            // Defaults for the Image Pixel module; a test's own values below take precedence.
            all.putAll(Map.of("Rows", List.of(Integer.toString(rows)), "Columns", List.of(Integer.toString(columns)),
                    "SamplesPerPixel", List.of("1"), "PhotometricInterpretation", List.of("MONOCHROME2"),
                    "BitsAllocated", List.of("16"), "BitsStored", List.of("12"), "HighBit", List.of("11"),
                    "PixelRepresentation", List.of("0")));
            pixels = PixelPayload.words(ramp(rows * columns * frames));
        }
        all.putAll(attributes);
        // Like a real file whose data set lost its UIDs, the meta header still names the instance.
        if (value("SOPInstanceUID") == null) {
            all.putIfAbsent("MediaStorageSOPInstanceUID", List.of(newUid()));
        }
        if (value("SOPClassUID") == null) {
            all.putIfAbsent("MediaStorageSOPClassUID", List.of(TestDicomFiles.CT_IMAGE_STORAGE));
        }
        try {
            new SyntheticInstanceWriter().write(new SyntheticInstance(all, pixels), transferSyntaxUid, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private TestDicomFile set(String keyword, String... values) {
        attributes.put(keyword, Arrays.asList(values));
        return this;
    }

    private static short[] ramp(int count) {
        short[] words = new short[count];
        for (int i = 0; i < count; i++) {
            words[i] = (short) (i % 4096);
        }
        return words;
    }
}
