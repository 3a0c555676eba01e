package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightbox.dicom.DicomHeader.ImagePosition;
import org.lightbox.dicom.DicomHeader.PixelSpacing;
import org.lightbox.dicom.DicomHeader.VoiWindow;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;

class DicomHeaderReaderTest {

    private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";

    @TempDir
    Path folder;

    private final DicomHeaderReader reader = new DicomHeaderReader();

    @Test
    void readsEveryHeaderFieldAsDcmdumpSeesIt() throws Exception {
        Path file = richCtSlice().writeTo(folder);

        DicomHeader header = reader.read(file);

        assertThat(header.patient().id()).isEqualTo(Dcmtk.value(file, "0010,0020"));
        assertThat(header.patient().name().raw()).isEqualTo(Dcmtk.value(file, "0010,0010"));
        assertThat(header.patient().birthDate()).isEqualTo(date(Dcmtk.value(file, "0010,0030")));
        assertThat(header.patient().sex()).isEqualTo(Dcmtk.value(file, "0010,0040"));
        assertThat(header.study().instanceUid()).isEqualTo(Dcmtk.value(file, "0020,000d"));
        assertThat(header.study().accessionNumber()).isEqualTo(Dcmtk.value(file, "0008,0050"));
        assertThat(header.study().description()).isEqualTo(Dcmtk.value(file, "0008,1030"));
        assertThat(header.study().dateTime()).isEqualTo(LocalDateTime.of(date(Dcmtk.value(file, "0008,0020")),
                LocalTime.parse(Dcmtk.value(file, "0008,0030"), DateTimeFormatter.ofPattern("HHmmss"))));
        assertThat(header.series().instanceUid()).isEqualTo(Dcmtk.value(file, "0020,000e"));
        assertThat(header.series().modality()).isEqualTo(Dcmtk.value(file, "0008,0060"));
        assertThat(header.series().bodyPartExamined()).isEqualTo(Dcmtk.value(file, "0018,0015"));
        assertThat(header.series().description()).isEqualTo(Dcmtk.value(file, "0008,103e"));
        assertThat(header.series().number()).hasToString(Dcmtk.value(file, "0020,0011"));
        assertThat(header.instance().sopInstanceUid()).isEqualTo(Dcmtk.value(file, "0008,0018"));
        assertThat(header.instance().sopClassUid()).isEqualTo(Dcmtk.value(file, "0008,0016"));
        assertThat(header.instance().transferSyntaxUid()).isEqualTo(Dcmtk.value(file, "0002,0010"));
        assertThat(header.instance().number()).hasToString(Dcmtk.value(file, "0020,0013"));
        assertThat(header.geometry().rows()).hasToString(Dcmtk.value(file, "0028,0010"));
        assertThat(header.geometry().columns()).hasToString(Dcmtk.value(file, "0028,0011"));
        assertThat(header.geometry().numberOfFrames()).isEqualTo(1);
        assertThat(header.geometry().pixelSpacing()).isEqualTo(spacing(Dcmtk.value(file, "0028,0030")));
        assertThat(header.geometry().sliceLocation()).isEqualTo(Double.parseDouble(Dcmtk.value(file, "0020,1041")));
        assertThat(header.geometry().imagePosition()).isEqualTo(position(Dcmtk.value(file, "0020,0032")));
        assertThat(header.pixels().photometricInterpretation()).isEqualTo(Dcmtk.value(file, "0028,0004"));
        assertThat(header.pixels().bitsAllocated()).hasToString(Dcmtk.value(file, "0028,0100"));
        assertThat(header.pixels().bitsStored()).hasToString(Dcmtk.value(file, "0028,0101"));
        assertThat(header.pixels().pixelRepresentation()).hasToString(Dcmtk.value(file, "0028,0103"));
        assertThat(header.pixels().rescaleSlope()).isEqualTo(Double.parseDouble(Dcmtk.value(file, "0028,1053")));
        assertThat(header.pixels().rescaleIntercept()).isEqualTo(Double.parseDouble(Dcmtk.value(file, "0028,1052")));
        assertThat(header.pixels().defaultWindow()).isEqualTo(new VoiWindow(
                first(Dcmtk.value(file, "0028,1050")), first(Dcmtk.value(file, "0028,1051")), "BRAIN"));
    }

    @Test
    void keepsEveryWindowInHeaderOrderWithItsExplanation() throws Exception {
        DicomHeader header = reader.read(richCtSlice().writeTo(folder));

        assertThat(header.pixels().windows()).containsExactly(
                new VoiWindow(40, 80, "BRAIN"), new VoiWindow(600, 2800, "BONE"));
    }

    @Test
    void leavesAbsentValuesEmptyOrNull() throws Exception {
        Path file = TestDicomFiles.ct().accession("").without("PatientBirthDate").without("SeriesNumber")
                .without("WindowCenter").without("WindowWidth").without("RescaleSlope").without("RescaleIntercept")
                .writeTo(folder);

        DicomHeader header = reader.read(file);

        assertThat(header.study().accessionNumber()).isEmpty();
        assertThat(header.patient().birthDate()).isNull();
        assertThat(header.series().number()).isNull();
        assertThat(header.series().bodyPartExamined()).isEmpty();
        assertThat(header.geometry().pixelSpacing()).isNull();
        assertThat(header.geometry().sliceLocation()).isNull();
        assertThat(header.geometry().imagePosition()).isNull();
        assertThat(header.pixels().windows()).isEmpty();
        assertThat(header.pixels().defaultWindow()).isNull();
        // PS3.3 C.11.1: no rescale means the identity modality LUT.
        assertThat(header.pixels().rescaleSlope()).isEqualTo(1);
        assertThat(header.pixels().rescaleIntercept()).isZero();
    }

    @Test
    void readsAStudyDateWithoutATimeAsMidnight() throws Exception {
        Path file = TestDicomFiles.ct().with("StudyDate", "20240229").without("StudyTime").writeTo(folder);

        assertThat(reader.read(file).study().dateTime()).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    }

    @Test
    void toleratesAMalformedNumberOrDateAsAbsent() throws Exception {
        Path file = TestDicomFiles.ct().with("SliceLocation", "about 12").with("PatientBirthDate", "19541399")
                .writeTo(folder);

        DicomHeader header = reader.read(file);

        assertThat(header.geometry().sliceLocation()).isNull();
        assertThat(header.patient().birthDate()).isNull();
    }

    @Test
    void readsAMultiFrameImage() throws Exception {
        Path file = TestDicomFiles.cr().frames(5).image(16, 24).writeTo(folder);

        DicomHeader header = reader.read(file);

        assertThat(header.geometry().numberOfFrames()).isEqualTo(5);
        assertThat(header.geometry().rows()).isEqualTo(16);
        assertThat(header.geometry().columns()).isEqualTo(24);
    }

    static Stream<Arguments> reEncodings() {
        return Stream.of(
                Arguments.of("implicit VR little endian", List.of("dcmconv", "+ti"), "1.2.840.10008.1.2"),
                Arguments.of("explicit VR big endian", List.of("dcmconv", "+tb"), "1.2.840.10008.1.2.2"),
                Arguments.of("deflated", List.of("dcmconv", "+td"), "1.2.840.10008.1.2.1.99"),
                Arguments.of("RLE lossless", List.of("dcmcrle"), "1.2.840.10008.1.2.5"),
                Arguments.of("JPEG lossless SV1", List.of("dcmcjpeg", "+e1"), "1.2.840.10008.1.2.4.70"),
                Arguments.of("JPEG lossless", List.of("dcmcjpeg", "+el"), "1.2.840.10008.1.2.4.57"),
                Arguments.of("JPEG-LS lossless", List.of("dcmcjpls", "+el"), "1.2.840.10008.1.2.4.80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reEncodings")
    void readsTheSameHeaderWhateverTheTransferSyntax(String name, List<String> dcmtkCommand, String syntaxUid)
            throws Exception {
        Path original = richCtSlice().image(64, 64).writeTo(folder);
        Path reEncoded = Dcmtk.transcode(original, folder.resolve("re-encoded.dcm"), dcmtkCommand.toArray(String[]::new));

        DicomHeader expected = reader.read(original);
        DicomHeader header = reader.read(reEncoded);

        assertThat(header.instance().transferSyntaxUid()).isEqualTo(syntaxUid).isEqualTo(Dcmtk.value(reEncoded, "0002,0010"));
        assertThat(header).usingRecursiveComparison().ignoringFields("instance.transferSyntaxUid").isEqualTo(expected);
    }

    @Test
    void readsARawDataSetWithoutPreambleOrMetaHeader() throws Exception {
        Path original = richCtSlice().writeTo(folder);
        Path raw = Dcmtk.transcode(original, folder.resolve("raw.dcm"), "dcmconv", "--write-dataset", "+ti");

        DicomHeader header = reader.read(raw);

        assertThat(Files.readAllBytes(raw)).startsWith(0x08, 0x00); // group 0008 first: no preamble, no meta group
        assertThat(header.instance().transferSyntaxUid()).isEqualTo(IMPLICIT_LITTLE);
        assertThat(header).usingRecursiveComparison().ignoringFields("instance.transferSyntaxUid")
                .isEqualTo(reader.read(original));
    }

    @Test
    void readsAMetaHeaderThatLostOnlyItsPreambleAndMagic() throws Exception {
        Path original = richCtSlice().writeTo(folder);
        byte[] bytes = Files.readAllBytes(original);
        Path withoutPreamble = Files.write(folder.resolve("no-preamble.dcm"), Arrays.copyOfRange(bytes, 132, bytes.length));

        assertThat(reader.read(withoutPreamble)).isEqualTo(reader.read(original));
    }

    @Test
    void neverTouchesThePixelsItStopsBefore() throws Exception {
        Path file = TestDicomFiles.ct().image(32, 32).writeTo(folder);
        byte[] bytes = Files.readAllBytes(file);
        Arrays.fill(bytes, bytes.length - 32 * 32, bytes.length, (byte) 0xff);
        Files.write(file, bytes);

        assertThat(reader.read(file).geometry().rows()).isEqualTo(32);
    }

    @Test
    void refusesAnInstanceWithoutSopInstanceUid() {
        Path file = TestDicomFiles.ct().without("SOPInstanceUID").writeAs(folder.resolve("no-uid.dcm"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(DicomReadException.class, e -> assertThat(e.reason()).isEqualTo(DicomReadException.Reason.MISSING_ATTRIBUTE))
                .hasMessageContaining("missing SOP Instance UID (0008,0018)");
    }

    @Test
    void refusesAnInstanceWithoutStudyOrSeriesUid() {
        Path noStudy = TestDicomFiles.ct().with("StudyInstanceUID").writeTo(folder);
        Path noSeries = TestDicomFiles.ct().without("SeriesInstanceUID").writeTo(folder);

        assertThatThrownBy(() -> reader.read(noStudy)).hasMessageContaining("missing Study Instance UID (0020,000D)");
        assertThatThrownBy(() -> reader.read(noSeries)).hasMessageContaining("missing Series Instance UID (0020,000E)");
    }

    @Test
    void refusesATransferSyntaxItCannotParse() throws Exception {
        Path file = TestDicomFiles.ct().writeTo(folder);
        String unknown = "1.2.999.999.999.9.1"; // as long as 1.2.840.10008.1.2.1, so no length changes
        byte[] bytes = Files.readAllBytes(file);
        replaceAscii(bytes, EXPLICIT_LITTLE, unknown);
        Files.write(file, bytes);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(DicomReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(DicomReadException.Reason.UNSUPPORTED_TRANSFER_SYNTAX))
                .hasMessageContaining("unsupported transfer syntax " + unknown);
    }

    @Test
    void namesTheFileAndTheProblemInItsMessage() {
        Path file = TestDicomFiles.ct().without("SOPInstanceUID").writeAs(folder.resolve("IM0001.dcm"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(DicomReadException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.getMessage()).isEqualTo(file + ": " + e.problem());
                });
    }

    private static TestDicomFile richCtSlice() {
        return TestDicomFiles.ct()
                .patient("LB-100001", "MOREAU^ALICE").birthDate(LocalDate.of(1954, 3, 12)).sex("F")
                .accession("DEMO0001").studyDescription("CT head without contrast")
                .studyDateTime(LocalDateTime.of(2025, 6, 2, 8, 12, 4))
                .seriesDescription("Head 5 mm").seriesNumber(2).instanceNumber(7).bodyPart("HEAD")
                .image(32, 32)
                .with("PixelSpacing", "0.9375", "0.9375")
                .with("SliceLocation", "-12.5")
                .with("ImagePositionPatient", "-119.53125", "-119.53125", "-12.5")
                .with("ImageOrientationPatient", "1", "0", "0", "0", "1", "0")
                .with("WindowCenter", "40", "600").with("WindowWidth", "80", "2800")
                .with("WindowCenterWidthExplanation", "BRAIN", "BONE");
    }

    private static void replaceAscii(byte[] bytes, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, i, needle.length);
            return;
        }
        throw new IllegalArgumentException(from + " not found");
    }

    private static LocalDate date(String dicomDate) {
        return LocalDate.parse(dicomDate, DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static double first(String values) {
        return Double.parseDouble(values.split("\\\\")[0]);
    }

    private static PixelSpacing spacing(String values) {
        String[] parts = values.split("\\\\");
        return new PixelSpacing(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
    }

    private static ImagePosition position(String values) {
        String[] parts = values.split("\\\\");
        return new ImagePosition(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }
}
