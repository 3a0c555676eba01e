package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightbox.bench.IndexingCorpus;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.PatientNameFiles;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * The header scan of indexing against PixelMed's parse, file by file: wherever the scan gives a
 * header, it is the very header PixelMed's path gives, and wherever PixelMed rejects a file the
 * scan gives up, so the rejection stays PixelMed's. And the scan does take the regular files, or
 * indexing would not get faster.
 */
class HeaderScannerTest {

    @TempDir
    Path folder;

    private final DicomHeaderReader reader = new DicomHeaderReader();

    @Test
    void everySampleFileReadsAsPixelMedReadsItAndOnlyDeflatedOnesAreLeftToPixelMed() throws Exception {
        List<Path> files;
        try (Stream<Path> tree = Files.walk(Path.of("sample-dicom"))) {
            files = tree.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);

        for (Path file : files) {
            boolean deflated = "1.2.840.10008.1.2.1.99".equals(Dcmtk.value(file, "0002,0010"));
            assertThat(agreesWithPixelMed(file)).as("%s scanned", file).isEqualTo(!deflated);
        }
    }

    @Test
    void theBenchmarkCorpusIsScannedAndReadsAsPixelMedReadsIt() throws Exception {
        IndexingCorpus.main(new String[] {folder.toString(), "150"});
        List<Path> files;
        try (Stream<Path> tree = Files.walk(folder)) {
            files = tree.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(150);

        for (Path file : files) {
            assertThat(agreesWithPixelMed(file)).as("%s scanned", file).isTrue();
        }
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("explicit VR little endian", List.of(), true),
                Arguments.of("implicit VR little endian", List.of("dcmconv", "+ti"), true),
                Arguments.of("raw implicit VR data set", List.of("dcmconv", "--write-dataset", "+ti"), false),
                Arguments.of("explicit VR big endian", List.of("dcmconv", "+tb"), true),
                Arguments.of("deflated", List.of("dcmconv", "+td"), false),
                Arguments.of("RLE", List.of("dcmcrle"), true),
                Arguments.of("JPEG lossless", List.of("dcmcjpeg", "+e1"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void copiesCutShortOrWithFlippedBytesAreJudgedAsPixelMedJudgesThem(String name, List<String> reEncoding,
            boolean scanned) throws Exception {
        byte[] whole = Files.readAllBytes(encoded(TestDicomFiles.ct().image(48, 48).writeTo(folder), reEncoding));
        Path intact = Files.write(folder.resolve("intact.dcm"), whole);
        assertThat(agreesWithPixelMed(intact)).as("the intact file scanned").isEqualTo(scanned);

        for (int length = 1; length < whole.length; length += Math.max(1, Math.min(17, whole.length / 300))) {
            agreesWithPixelMed(Files.write(folder.resolve("cut.dcm"), Arrays.copyOf(whole, length)));
        }
        Random random = new Random(name.hashCode());
        int headerSpan = Math.min(whole.length, 1200);
        for (int attempt = 0; attempt < 400; attempt++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(headerSpan)] ^= (byte) (1 << random.nextInt(8));
            }
            agreesWithPixelMed(Files.write(folder.resolve("flipped.dcm"), damaged));
        }
    }

    static Stream<Arguments> sequenceEncodings() {
        return Stream.of(
                Arguments.of("explicit little endian, undefined lengths", List.of("dcmconv", "+te", "-e")),
                Arguments.of("explicit little endian, defined lengths", List.of("dcmconv", "+te", "+e")),
                Arguments.of("implicit little endian, undefined lengths", List.of("dcmconv", "+ti", "-e")),
                Arguments.of("implicit little endian, defined lengths", List.of("dcmconv", "+ti", "+e")),
                Arguments.of("explicit big endian, undefined lengths", List.of("dcmconv", "+tb", "-e")),
                Arguments.of("explicit big endian, defined lengths", List.of("dcmconv", "+tb", "+e")));
    }

    /** Nested sequences, an icon with its own Pixel Data inside an item, private attributes: all skipped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sequenceEncodings")
    void sequencesOfEitherLengthAreSkippedUpToTheImagesOwnPixelData(String name, List<String> reEncoding)
            throws Exception {
        Path file = encoded(withSequences(), reEncoding);

        assertThat(agreesWithPixelMed(file)).isTrue();
        assertThat(reader.read(file).patient().id()).isEqualTo("LB-SQ");

        byte[] whole = Files.readAllBytes(file);
        Random random = new Random(name.hashCode());
        for (int attempt = 0; attempt < 300; attempt++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                damaged[random.nextInt(whole.length - 16)] ^= (byte) (1 << random.nextInt(8));
            }
            agreesWithPixelMed(Files.write(folder.resolve("flipped.dcm"), damaged));
        }
    }

    static Stream<Arguments> characterSets() {
        return Stream.of(
                Arguments.of("ISO_IR 100", bytes("MÜLLER^Jürgen", "ISO-8859-1"), true),
                Arguments.of("ISO_IR 101", bytes("DVOŘÁK^Łucja", "ISO-8859-2"), true),
                Arguments.of("ISO_IR 109", bytes("BORĠ^Ġorġ", "ISO-8859-3"), true),
                Arguments.of("ISO_IR 110", bytes("ŠĶĒLE^Ģirts", "ISO-8859-4"), true),
                Arguments.of("ISO_IR 148", bytes("ÖZTÜRK^Şule", "ISO-8859-9"), true),
                Arguments.of("ISO_IR 126", bytes("ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ", "ISO-8859-7"), true),
                Arguments.of("ISO_IR 144", bytes("ИВАНОВ^Дмитрий", "ISO-8859-5"), true),
                Arguments.of("ISO_IR 127", bytes("قباني^لنزار", "ISO-8859-6"), true),
                Arguments.of("ISO_IR 138", bytes("שרון^דבורה", "ISO-8859-8"), true),
                Arguments.of("ISO_IR 192", bytes("Wang^XiaoDong=王^小東", "UTF-8"), true),
                Arguments.of("GB18030", bytes("Wang^XiaoDong=王^小东", "GB18030"), true),
                Arguments.of("ISO_IR 100", bytes("MOREAU^ALICE", "US-ASCII"), true),
                Arguments.of("none", bytes("MOREAU^ALICE", "US-ASCII"), true),
                Arguments.of("ISO_IR 166", bytes("ทดสอบ^ชื่อ", "TIS-620"), false),
                Arguments.of("GBK", bytes("Wang^XiaoDong=王^小东", "GBK"), false),
                Arguments.of("ISO_IR 13", bytes("ﾔﾏﾀﾞ^ﾀﾛｳ", "Shift_JIS"), false),
                Arguments.of("ISO_IR 203", bytes("ŠŽÉ^Œuvre", "ISO-8859-15"), false),
                Arguments.of("none", bytes("MÜLLER^Jürgen", "ISO-8859-1"), false),
                Arguments.of("\\ISO 2022 IR 149", PatientNameFiles.koreanExample(), false),
                Arguments.of("ISO_IR 192", new byte[] {'B', 'A', 'D', (byte) 0xc3, '^', 'X'}, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("characterSets")
    void namesInEachCharacterSetReadAsPixelMedReadsThem(String characterSet, byte[] name, boolean scanned)
            throws Exception {
        Path file = PatientNameFiles.write(folder, characterSet.equals("none") ? "" : characterSet, name);

        assertThat(agreesWithPixelMed(file)).as("scanned").isEqualTo(scanned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void thePixelDataIsFoundWherePixelMedFindsIt(String name, List<String> reEncoding, boolean scanned)
            throws Exception {
        Path file = encoded(TestDicomFiles.ct().image(32, 32).writeTo(folder), reEncoding);

        long pixelMed = new DataSetReader().read(file, DataSetReader.Extent.HEADER, DataSetReader.Parsed::pixelDataOffset);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            HeaderScanner.Scan scan = HeaderScanner.scan(channel, channel.size());
            assertThat(scan == null ? null : scan.pixelDataOffset()).isEqualTo(scanned ? pixelMed : null);
        }
    }

    /**
     * @return whether the scan gave a header (then PixelMed's path must give the same one); when
     *         it gives none, the reader's answer must be PixelMed's, header or rejection
     */
    private boolean agreesWithPixelMed(Path file) {
        String pixelMed = outcome(() -> reader.readWithPixelMed(file));
        DicomHeader scanned = DicomHeaderReader.scanned(file);
        if (scanned != null) {
            assertThat(scanned.toString()).as("scan of %s", file).isEqualTo(pixelMed);
        }
        assertThat(outcome(() -> reader.read(file))).as("read of %s", file).isEqualTo(pixelMed);
        return scanned != null;
    }

    private interface Read {
        DicomHeader get() throws DicomReadException;
    }

    private static String outcome(Read read) {
        try {
            return read.get().toString();
        } catch (DicomReadException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    private Path encoded(Path original, List<String> reEncoding) {
        if (reEncoding.isEmpty()) {
            return original;
        }
        return Dcmtk.transcode(original, folder.resolve("encoded-" + original.getFileName()),
                reEncoding.toArray(String[]::new));
    }

    private Path withSequences() throws IOException {
        String dump = """
                (0008,0005) CS [ISO_IR 100]
                (0008,0016) UI =CTImageStorage
                (0008,0018) UI [1.2.3.4.5.6.7]
                (0008,0020) DA [20240131]
                (0008,0030) TM [101500]
                (0008,0060) CS [CT]
                (0008,1140) SQ (Sequence with undefined length)
                  (fffe,e000) na (Item with undefined length)
                    (0008,1150) UI =CTImageStorage
                    (0008,1155) UI [1.2.3.4.5.6.1]
                    (0008,9215) SQ (Sequence with undefined length)
                      (fffe,e000) na (Item with undefined length)
                        (0008,0100) SH [121311]
                        (0008,0102) SH [DCM]
                        (0008,0104) LO [Localizer]
                      (fffe,e00d) na (ItemDelimitationItem)
                    (fffe,e0dd) na (SequenceDelimitationItem)
                  (fffe,e00d) na (ItemDelimitationItem)
                  (fffe,e000) na (Item with undefined length)
                    (0008,1150) UI =CTImageStorage
                    (0008,1155) UI [1.2.3.4.5.6.2]
                  (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (0009,0010) LO [LIGHTBOX TEST]
                (0009,1001) LO [private text]
                (0010,0010) PN [SEQUENCE^TEST]
                (0010,0020) LO [LB-SQ]
                (0020,000d) UI [1.2.3.4]
                (0020,000e) UI [1.2.3.4.1]
                (0028,0002) US 1
                (0028,0004) CS [MONOCHROME2]
                (0028,0010) US 2
                (0028,0011) US 2
                (0028,0100) US 16
                (0028,0101) US 12
                (0028,0102) US 11
                (0028,0103) US 0
                (0088,0200) SQ (Sequence with undefined length)
                  (fffe,e000) na (Item with undefined length)
                    (0028,0002) US 1
                    (0028,0004) CS [MONOCHROME2]
                    (0028,0010) US 2
                    (0028,0011) US 2
                    (0028,0100) US 8
                    (0028,0101) US 8
                    (0028,0102) US 7
                    (0028,0103) US 0
                    (7fe0,0010) OB 01\\02\\03\\04
                  (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (7fe0,0010) OW 0000\\0001\\0002\\0003
                """;
        Path dumpFile = Files.writeString(folder.resolve("sequences.dump"), dump, StandardCharsets.US_ASCII);
        return Dcmtk.dump2dcm(dumpFile, folder.resolve("sequences.dcm"));
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }
}
