package org.lightbox.dicom.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.display.SourceImage;
import java.awt.image.Raster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.dicom.DicomHeader.VoiWindow;
import org.lightbox.dicom.DicomHeaderReader;
import org.lightbox.dicom.testing.Dcmtk;
import picocli.CommandLine;

/**
 * Generates the demo set twice, with dcmtk and without, and reads it back the way Lightbox and
 * dcmtk will. The expected identities are written out here rather than taken from DemoStudies:
 * the foundation's seed data depends on them.
 */
class SampleDicomGeneratorTest {

    private static final long FOUR_MEGABYTES = 4L * 1024 * 1024;

    @TempDir
    static Path root;
    static Path encoded;
    static Path plain;
    static String commandOutput;

    private final DicomHeaderReader reader = new DicomHeaderReader();

    @BeforeAll
    static void generateWithAndWithoutDcmtk() throws Exception {
        encoded = root.resolve("encoded");
        plain = root.resolve("plain");
        DcmtkTranscoder dcmtk = DcmtkTranscoder.ifInstalled().orElseThrow(() -> new AssertionError("dcmtk is not on the PATH"));
        new SampleDicomGenerator(new SyntheticInstanceWriter(), Optional.of(dcmtk)).generate(encoded);

        StringWriter output = new StringWriter();
        CommandLine command = new CommandLine(new SampleDicomCommand()).setOut(new PrintWriter(output));
        assertThat(command.execute("--out", plain.toString(), "--no-dcmtk")).isZero();
        commandOutput = output.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DEMO0001-ct-head       | LB-100001 | MOREAU^ALICE       | 1954-03-12 | F | DEMO0001 | CT | CT head without contrast | 1 | 24
            DEMO0000-ct-head-prior | LB-100001 | MOREAU^ALICE       | 1954-03-12 | F | DEMO0000 | CT | CT head without contrast | 1 | 12
            DEMO0002-ct-chest      | LB-100002 | NOVAK^BORIS        | 1961-07-30 | M | DEMO0002 | CT | CT chest with contrast   | 1 | 32
            DEMO0003-mr-knee       | LB-100003 | ROSSI^CHIARA       | 1979-11-02 | F | DEMO0003 | MR | MR knee left             | 2 | 32
            DEMO0004-cr-chest      | LB-100004 | IVANOV^DMITRI      | 1948-01-19 | M | DEMO0004 | CR | Chest X-ray PA           | 1 | 1
            DEMO0005-us-abdomen    | LB-100005 | COHEN^ESTHER       | 1990-05-25 | F | DEMO0005 | US | US abdomen               | 1 | 1
            unmatched-ct-sinus     | LB-100006 | ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ | 1985-09-14 | F |          | CT | CT sinus                 | 1 | 8
            """)
    void everyDemoStudyReadsBackWithTheIdentityTheFoundationSeeds(String folder, String mrn, String name, LocalDate birthDate,
            String sex, String accession, String modality, String description, int seriesCount, int imageCount)
            throws Exception {
        List<DicomHeader> headers = headers(encoded.resolve(folder));

        assertThat(headers).hasSize(imageCount).allSatisfy(header -> {
            assertThat(header.patient().id()).isEqualTo(mrn);
            assertThat(header.patient().name().raw()).isEqualTo(name);
            assertThat(header.patient().birthDate()).isEqualTo(birthDate);
            assertThat(header.patient().sex()).isEqualTo(sex);
            assertThat(header.study().accessionNumber()).isEqualTo(accession == null ? "" : accession);
            assertThat(header.series().modality()).isEqualTo(modality);
            assertThat(header.study().description()).isEqualTo(description);
            assertThat(header.study().dateTime()).isNotNull();
        });
        assertThat(headers.stream().map(h -> h.study().instanceUid()).distinct()).hasSize(1);
        assertThat(headers.stream().map(h -> h.series().instanceUid()).distinct()).hasSize(seriesCount);
    }

    @Test
    void everyInstanceHasItsOwnUidAndEveryStudyItsOwn() throws Exception {
        List<DicomHeader> all = headers(encoded);

        assertThat(all).hasSize(110);
        assertThat(all.stream().map(h -> h.instance().sopInstanceUid()).collect(Collectors.toSet())).hasSize(110);
        assertThat(all.stream().map(h -> h.study().instanceUid()).collect(Collectors.toSet())).hasSize(7);
        assertThat(all).allSatisfy(h -> assertThat(h.instance().sopInstanceUid()).startsWith(DemoUids.ROOT).hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void thePriorHeadCtIsAYearOlderThanTheCurrentOne() throws Exception {
        DicomHeader current = headers(encoded.resolve("DEMO0001-ct-head")).get(0);
        DicomHeader prior = headers(encoded.resolve("DEMO0000-ct-head-prior")).get(0);

        assertThat(prior.study().dateTime().plusYears(1)).isBetween(current.study().dateTime().minusDays(3),
                current.study().dateTime().plusDays(3));
    }

    @Test
    void theHeadCtCarriesHounsfieldRescaleAndABrainWindowFirst() throws Exception {
        DicomHeader slice = headers(encoded.resolve("DEMO0001-ct-head")).get(10);

        assertThat(slice.pixels().rescaleIntercept()).isEqualTo(-1024);
        assertThat(slice.pixels().rescaleSlope()).isEqualTo(1);
        assertThat(slice.pixels().windows()).containsExactly(new VoiWindow(40, 80, "BRAIN"), new VoiWindow(600, 2800, "BONE"));
        assertThat(slice.geometry().rows()).isEqualTo(256);
        assertThat(slice.geometry().pixelSpacing()).isNotNull();
        assertThat(slice.geometry().imagePosition()).isNotNull();
        assertThat(slice.geometry().sliceLocation()).isEqualTo(slice.geometry().imagePosition().z());
    }

    @Test
    void theChestCtStoresSignedHounsfieldUnits() throws Exception {
        DicomHeader slice = headers(encoded.resolve("DEMO0002-ct-chest")).get(0);

        assertThat(slice.pixels().isSigned()).isTrue();
        assertThat(slice.pixels().rescaleIntercept()).isZero();
        assertThat(slice.pixels().bitsStored()).isEqualTo(16);
    }

    @Test
    void theKneeMrIsTwelveBitsInSixteenAndTheRadiographMonochrome1() throws Exception {
        DicomHeader mr = headers(encoded.resolve("DEMO0003-mr-knee")).get(0);
        DicomHeader cr = headers(encoded.resolve("DEMO0004-cr-chest")).get(0);

        assertThat(mr.pixels().bitsAllocated()).isEqualTo(16);
        assertThat(mr.pixels().bitsStored()).isEqualTo(12);
        assertThat(mr.geometry().rows()).isEqualTo(192);
        assertThat(cr.pixels().photometricInterpretation()).isEqualTo("MONOCHROME1");
        assertThat(cr.geometry().pixelSpacing()).isNotNull();
    }

    @Test
    void theUltrasoundIsAColourCineWithoutPixelSpacing() throws Exception {
        DicomHeader cine = headers(encoded.resolve("DEMO0005-us-abdomen")).get(0);

        assertThat(cine.geometry().numberOfFrames()).isEqualTo(20);
        assertThat(cine.geometry().columns()).isEqualTo(320);
        assertThat(cine.geometry().rows()).isEqualTo(240);
        assertThat(cine.pixels().samplesPerPixel()).isEqualTo(3);
        // JPEG baseline turns RGB into YCbCr with half-width chroma (PS3.5 8.2.1).
        assertThat(cine.pixels().photometricInterpretation()).isEqualTo("YBR_FULL_422");
        assertThat(cine.geometry().pixelSpacing()).isNull();
    }

    @Test
    void theGreekNameDecodesAsDcmdumpDecodesIt() throws Exception {
        Path file = files(encoded.resolve("unmatched-ct-sinus")).get(0);

        assertThat(Dcmtk.value(file, "0008,0005")).isEqualTo("ISO_IR 126");
        assertThat(reader.read(file).patient().name().raw()).isEqualTo(Dcmtk.value(file, "0010,0010", true))
                .isEqualTo("ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ");
        assertThat(reader.read(file).patient().name().family()).isEqualTo("ΠΑΠΑΔΟΠΟΥΛΟΣ");
    }

    @Test
    void theSeriesSpreadOverEveryTransferSyntaxTheViewerMustDecode() throws Exception {
        Map<String, Set<String>> syntaxes = new TreeMap<>();
        for (Path file : files(encoded)) {
            String series = encoded.relativize(file.getParent()).toString();
            syntaxes.computeIfAbsent(series, s -> new HashSet<>()).add(Dcmtk.value(file, "0002,0010"));
        }

        assertThat(syntaxes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DEMO0001-ct-head/series-1", Set.of("1.2.840.10008.1.2.4.70"),
                "DEMO0000-ct-head-prior/series-1", Set.of("1.2.840.10008.1.2.5"),
                "DEMO0002-ct-chest/series-1", Set.of("1.2.840.10008.1.2.1.99"),
                "DEMO0003-mr-knee/series-1", Set.of("1.2.840.10008.1.2.2"),
                "DEMO0003-mr-knee/series-2", Set.of("1.2.840.10008.1.2.4.70"),
                "DEMO0004-cr-chest/series-1", Set.of("1.2.840.10008.1.2.1"),
                "DEMO0005-us-abdomen/series-1", Set.of("1.2.840.10008.1.2.4.50"),
                "unmatched-ct-sinus/series-1", Set.of("1.2.840.10008.1.2")));
    }

    @Test
    void dcmdumpReadsEveryFileWithoutAComplaint() throws Exception {
        List<String> command = new ArrayList<>(List.of("dcmdump", "-Un", "+P", "0008,0018"));
        List<Path> files = files(encoded);
        files.forEach(file -> command.add(file.toString()));

        Dcmtk.Result result = Dcmtk.run(command.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("E: ").doesNotContain("W: ");
        assertThat(result.output().lines().filter(line -> line.startsWith("(0008,0018)"))).hasSize(files.size());
    }

    @Test
    void theWholeSetStaysUnderFourMegabytes() throws Exception {
        long bytes = 0;
        for (Path file : files(encoded)) {
            bytes += Files.size(file);
        }

        assertThat(bytes).isLessThan(FOUR_MEGABYTES);
    }

    @Test
    void withoutDcmtkEveryFileIsExplicitVrLittleEndianWithTheSameHeader() throws Exception {
        List<DicomHeader> withDcmtk = headers(encoded);
        List<DicomHeader> without = headers(plain);

        assertThat(without).allSatisfy(h -> assertThat(h.instance().transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1"));
        assertThat(without).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "instance.transferSyntaxUid", "pixels.photometricInterpretation").isEqualTo(withDcmtk);
    }

    @Test
    void theCommandPrintsOneLinePerStudy() {
        assertThat(commandOutput.lines()).hasSize(7);
        assertThat(commandOutput).contains("DEMO0001", "DEMO0000", "DEMO0002", "DEMO0003", "DEMO0004", "DEMO0005", "(none)");
    }

    /**
     * Lossless syntaxes must give PixelMed back exactly the pixels PixelMed wrote; the lossy JPEG
     * cine must come back close. This is what the viewer will rely on.
     */
    @Test
    void pixelMedDecodesEveryEncodingToThePixelsItWrote() throws Exception {
        List<Path> encodedFiles = files(encoded);
        for (Path file : encodedFiles) {
            if (!file.getFileName().toString().equals("IM0001.dcm")) {
                continue;
            }
            Path original = plain.resolve(encoded.relativize(file));
            int[] decoded = pixels(file);
            int[] expected = pixels(original);
            assertThat(decoded).as(file.toString()).hasSameSizeAs(expected);
            if (file.toString().contains("us-abdomen")) {
                assertThat(meanAbsoluteDifference(decoded, expected)).as("JPEG baseline error").isLessThan(6);
            } else {
                assertThat(decoded).as(file.toString()).isEqualTo(expected);
            }
        }
    }

    /**
     * Regenerating rewrites the committed folder byte for byte. dcmtk writes its version into each
     * file it encodes, so this holds only with the dcmtk the samples were made with.
     */
    @Test
    void theCommittedSamplesAreWhatTheGeneratorWrites() throws Exception {
        Path committed = Path.of("sample-dicom");
        assertThat(committed).isDirectory();
        String version = Dcmtk.run("dcmdump", "--version").output();
        String committedVersion = Dcmtk.value(committed.resolve("DEMO0001-ct-head/series-1/IM0001.dcm"), "0002,0013");
        Assumptions.assumeTrue(
                committedVersion.replace("OFFIS_DCMTK_", "").equals(dcmtkVersionDigits(version)),
                "samples were made with " + committedVersion + ", this machine has " + version.lines().findFirst().orElse(""));

        List<Path> expected = files(encoded);
        List<Path> actual = files(committed);
        assertThat(actual.stream().map(committed::relativize).map(Path::toString))
                .containsExactlyElementsOf(expected.stream().map(encoded::relativize).map(Path::toString).toList());
        for (Path file : expected) {
            assertThat(committed.resolve(encoded.relativize(file).toString())).as(file.toString()).hasSameBinaryContentAs(file);
        }
    }

    private static String dcmtkVersionDigits(String versionOutput) {
        Matcher matcher = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)").matcher(versionOutput);
        return matcher.find() ? matcher.group(1) + matcher.group(2) + matcher.group(3) : "";
    }

    private static int[] pixels(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        Raster raster = new SourceImage(list).getBufferedImage(0).getRaster();
        return raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (int[]) null);
    }

    private static double meanAbsoluteDifference(int[] a, int[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private List<DicomHeader> headers(Path folder) throws Exception {
        List<DicomHeader> headers = new ArrayList<>();
        for (Path file : files(folder)) {
            headers.add(reader.read(file));
        }
        return headers;
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }
}
