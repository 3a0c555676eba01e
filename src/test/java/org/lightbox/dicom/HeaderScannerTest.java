package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lightbox.dicom.testing.Part10Bytes.EXPLICIT_LITTLE_ENDIAN;
import static org.lightbox.dicom.testing.Part10Bytes.IMPLICIT_LITTLE_ENDIAN;
import static org.lightbox.dicom.testing.Part10Bytes.definedLength;
import static org.lightbox.dicom.testing.Part10Bytes.definedLengthItem;
import static org.lightbox.dicom.testing.Part10Bytes.text;
import static org.lightbox.dicom.testing.Part10Bytes.undefinedLength;
import static org.lightbox.dicom.testing.Part10Bytes.undefinedLengthItem;
import static org.lightbox.dicom.testing.Part10Bytes.unsignedShorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
import org.lightbox.dicom.testing.Part10Bytes;
import org.lightbox.dicom.testing.PatientNameFiles;
import org.lightbox.dicom.testing.Part10Bytes.Value;
import org.lightbox.dicom.testing.PatientNameFiles;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * The header scan of indexing against PixelMed's parse, file by file: wherever the scan gives a
 * header, it is the very header PixelMed's path gives, and wherever PixelMed rejects a file the
 * scan gives up, so the rejection stays PixelMed's. And the scan does take the regular files, or
 * indexing would not get faster.
 */
class HeaderScannerTest {

    private static final String UIDS_AND_IMAGE_PIXEL = PatientNameFiles.UIDS_AND_IMAGE_PIXEL;

    /** The elements of (FFFE,E00D) and (FFFE,E0DD), the item and sequence delimiters. */
    private static final int ITEM_END = 0xe00d;
    private static final int SEQUENCE_END = 0xe0dd;

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

        cutShortAndFlippedAgreeWithPixelMed(whole, Math.min(whole.length, 1200), name.hashCode());
    }

    /** Copies cut at many lengths, and with one to four bits flipped in their first {@code span} bytes. */
    private void cutShortAndFlippedAgreeWithPixelMed(byte[] whole, int span, long seed) throws IOException {
        for (int length = 1; length < whole.length; length += Math.max(1, Math.min(17, whole.length / 300))) {
            agreesWithPixelMed(Files.write(folder.resolve("cut.dcm"), Arrays.copyOf(whole, length)));
        }
        Random random = new Random(seed);
        for (int attempt = 0; attempt < 400; attempt++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(span)] ^= (byte) (1 << random.nextInt(8));
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

    /**
     * Private sequences as GE, Siemens and Philips write them, made by dcmtk rather than by us:
     * {@code dump2dcm +ti -e} writes every sequence and item with undefined length, which in
     * implicit VR leaves PixelMed nothing but the undefined length to know a private sequence by.
     */
    @Test
    void privateSequencesOfUndefinedLengthInImplicitVrAreScannedAsPixelMedReadsThem() throws Exception {
        Path file = dcmtkPrivateSequences();
        assertThat(Dcmtk.run("dcmdump", "+L", file.toString()).output()).contains(
                "Used TransferSyntax: Little Endian Implicit",
                "(0009,1010) SQ (Sequence with undefined length #=3)",
                "(0009,1012) SQ (Sequence with undefined length #=0)",
                "(0029,1010) SQ (Sequence with undefined length #=1)",
                "(fffe,e000) na (Item with undefined length #=0)");

        assertThat(agreesWithPixelMed(file)).as("scanned").isTrue();
        DicomHeader header = DicomHeaderReader.scanned(file);
        assertThat(header.patient().name().family()).as("the top-level name, not the nested one").isEqualTo("TOP");
        assertThat(header.patient().id()).isEqualTo("LB-PRIVATE");
        assertThat(header.geometry().rows()).isEqualTo(2);
        assertThat(scannedPixelDataOffset(file)).isEqualTo(pixelMedsPixelDataOffset(file));

        byte[] whole = Files.readAllBytes(file);
        cutShortAndFlippedAgreeWithPixelMed(whole, whole.length - 16, 246);
    }

    static Stream<Arguments> filesWithUnknownSequences() {
        return Stream.of(
                Arguments.of("implicit VR, items of both lengths", implicitItemsOfBothLengths()),
                Arguments.of("explicit VR, UN sequences read as implicit VR (CP 246)", explicitUnknownSequences()),
                Arguments.of("sixteen sequences deep", nested(16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesWithUnknownSequences")
    void sequencesPixelMedKnowsOnlyByTheirUndefinedLengthAreScannedAndJudgedAsPixelMedJudgesThem(String name,
            byte[] whole) throws Exception {
        Path file = Files.write(folder.resolve("sequences.dcm"), whole);
        // dcmtk, reading them as sequences too, finds the attributes after them
        assertThat(Dcmtk.value(file, "0010,0020")).isEqualTo("LB-SEQ");

        assertThat(agreesWithPixelMed(file)).as("scanned").isTrue();
        assertThat(scannedPixelDataOffset(file)).isEqualTo(pixelMedsPixelDataOffset(file));
        cutShortAndFlippedAgreeWithPixelMed(whole, whole.length - 16, name.hashCode());
    }

    @Test
    void valuesNestedInUnknownSequencesAreNotTakenForTheDataSetsOwn() {
        DicomHeader implicit = DicomHeaderReader.scanned(written("implicit.dcm", implicitItemsOfBothLengths()));
        assertThat(implicit.patient().name().family()).isEqualTo("TOP");
        assertThat(implicit.geometry().rows()).isEqualTo(2);

        // no name, no instance number at the top level: the nested ones are no stand-ins
        DicomHeader explicit = DicomHeaderReader.scanned(written("explicit.dcm", explicitUnknownSequences()));
        assertThat(explicit.patient().name().family()).isEmpty();
        assertThat(explicit.instance().number()).isNull();
        assertThat(explicit.geometry().rows()).isEqualTo(2);
    }

    static Stream<Arguments> sequencesTheScanLeavesToPixelMed() {
        byte[] unknown = explicitUnknownSequences();
        return Stream.of(
                Arguments.of("an item delimiter with a length",
                        patched(unknown, delimiter(ITEM_END, 0), delimiter(ITEM_END, 2))),
                Arguments.of("a sequence delimiter with a length",
                        patched(unknown, delimiter(SEQUENCE_END, 0), delimiter(SEQUENCE_END, 2))),
                Arguments.of("an item ended by a sequence delimiter",
                        patched(unknown, delimiter(ITEM_END, 0), delimiter(SEQUENCE_END, 0))),
                Arguments.of("seventeen sequences deep", nested(17)),
                Arguments.of("encapsulated Pixel Data in an item", image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                        undefinedLength(0x00191010, "UN", undefinedLengthItem(
                                undefinedLength(0x7fe00010, "OB", definedLengthItem()))))),
                Arguments.of("a private creator of undefined length", image(EXPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                        undefinedLength(0x00290010, "UN", undefinedLengthItem(text(0x00291001, "LO", "x"))))),
                Arguments.of("a UN of undefined length the dictionary says is text", image(EXPLICIT_LITTLE_ENDIAN,
                        "TOP^NAME", undefinedLength(0x00400280, "UN",
                                undefinedLengthItem(text(0x00401001, "SH", "x"))))),
                Arguments.of("a nested value longer than explicit VR can say", image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                        undefinedLength(0x00191010, "UN", undefinedLengthItem(
                                text(0x00080100, "SH", "1".repeat(70_000)))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequencesTheScanLeavesToPixelMed")
    void sequencesTheScanCannotBeSureOfAreLeftToPixelMed(String name, byte[] file) throws Exception {
        assertThat(agreesWithPixelMed(written("irregular.dcm", file))).as("scanned").isFalse();
    }

    /**
     * PixelMed reads Hologic's private (0019,xx8A) as a sequence though it is UN of defined length,
     * and rejects the file when it is none; the scan walks it too, whatever the private creator.
     */
    @Test
    void aPrivateAttributePixelMedReadsAsASequenceIsWalkedAsOne() throws Exception {
        Path sequence = written("marker.dcm", image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                text(0x00190010, "LO", "HOLOGIC, Inc."),
                definedLength(0x0019108a, "UN", definedLengthItem(text(0x00191001, "LO", "marker")))));
        assertThat(agreesWithPixelMed(sequence)).as("scanned").isTrue();

        Path bytes = written("not-a-marker.dcm", image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                text(0x00190010, "LO", "HOLOGIC, Inc."),
                text(0x0019108a, "UN", "NOT A SEQUENCE")));
        assertThat(outcome(() -> reader.readWithPixelMed(bytes))).startsWith("DAMAGED");
        assertThat(agreesWithPixelMed(bytes)).as("scanned").isFalse();
    }

    /** Implicit VR has 32-bit lengths throughout; PixelMed rejects a text value no explicit VR file could hold. */
    @Test
    void aTextValueLongerThanExplicitVrCanSayIsLeftToPixelMed() throws Exception {
        Path file = written("long.dcm", image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                text(0x00081030, "LO", "x".repeat(70_000))));

        assertThat(outcome(() -> reader.readWithPixelMed(file))).startsWith("DAMAGED");
        assertThat(agreesWithPixelMed(file)).as("scanned").isFalse();
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

        assertThat(scannedPixelDataOffset(file)).isEqualTo(scanned ? pixelMedsPixelDataOffset(file) : null);
    }

    private static long pixelMedsPixelDataOffset(Path file) throws DicomReadException {
        return new DataSetReader().read(file, DataSetReader.Extent.HEADER, DataSetReader.Parsed::pixelDataOffset);
    }

    /** @return null if the scan gave up */
    private static Long scannedPixelDataOffset(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            HeaderScanner.Scan scan = HeaderScanner.scan(channel, channel.size());
            return scan == null ? null : scan.pixelDataOffset();
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
                """ + UIDS_AND_IMAGE_PIXEL + """
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

    private Path dcmtkPrivateSequences() throws IOException {
        String dump = """
                (0008,0005) CS [ISO_IR 100]
                (0008,0016) UI =CTImageStorage
                (0008,0018) UI [1.2.3.4.5.6.7]
                (0008,0060) CS [CT]
                (0009,0010) LO [GEMS_IDEN_01]
                (0009,1010) SQ (Sequence with undefined length)
                  (fffe,e000) na (Item with undefined length)
                    (0009,0010) LO [GEMS_IDEN_01]
                    (0009,1001) LO [nested private text]
                    (0009,1011) SQ (Sequence with undefined length)
                      (fffe,e000) na (Item with undefined length)
                        (0008,0100) SH [121311]
                        (0008,0102) SH [DCM]
                      (fffe,e00d) na (ItemDelimitationItem)
                    (fffe,e0dd) na (SequenceDelimitationItem)
                    (0010,0010) PN [NESTED^NAME]
                    (0010,0020) LO [NESTED-ID]
                  (fffe,e00d) na (ItemDelimitationItem)
                  (fffe,e000) na (Item with undefined length)
                  (fffe,e00d) na (ItemDelimitationItem)
                  (fffe,e000) na (Item with undefined length)
                    (0028,0010) US 512
                  (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (0009,1012) SQ (Sequence with undefined length)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (0010,0010) PN [TOP^NAME]
                (0010,0020) LO [LB-PRIVATE]
                """ + UIDS_AND_IMAGE_PIXEL + """
                (0029,0010) LO [LIGHTBOX TEST]
                (0029,1010) SQ (Sequence with undefined length)
                  (fffe,e000) na (Item with undefined length)
                    (0008,1140) SQ (Sequence with undefined length)
                      (fffe,e000) na (Item with undefined length)
                        (0008,1150) UI =CTImageStorage
                        (0008,1155) UI [1.2.3.4.5.6.1]
                      (fffe,e00d) na (ItemDelimitationItem)
                    (fffe,e0dd) na (SequenceDelimitationItem)
                    (0029,1001) OB 01\\02\\03\\04
                  (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                (7fe0,0010) OW 0000\\0001\\0002\\0003
                """;
        Path dumpFile = Files.writeString(folder.resolve("private.dump"), dump, StandardCharsets.US_ASCII);
        return Dcmtk.dump2dcm(dumpFile, folder.resolve("private.dcm"), "+ti", "-e");
    }

    /**
     * Implicit VR: a private sequence whose items are of defined and undefined length, empty ones
     * among them, holding a private sequence, a standard one and an icon's Pixel Data; an empty
     * private sequence of each length.
     */
    private static byte[] implicitItemsOfBothLengths() {
        return image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME",
                text(0x00190010, "LO", "SIEMENS MR HEADER"),
                undefinedLength(0x00191010, "UN",
                        definedLengthItem(
                                text(0x00100010, "PN", "NESTED^NAME"),
                                undefinedLength(0x00191011, "UN",
                                        undefinedLengthItem(unsignedShorts(0x00280010, 512)),
                                        definedLengthItem()),
                                text(0x00191001, "LO", "in an item of defined length")),
                        undefinedLengthItem(),
                        definedLengthItem(),
                        undefinedLengthItem(
                                definedLength(0x00081140, "SQ", definedLengthItem(
                                        text(0x00081150, "UI", TestDicomFiles.CT_IMAGE_STORAGE),
                                        text(0x00081155, "UI", "1.2.3.9"))),
                                undefinedLength(0x00191012, "UN"),
                                new Value(0x7fe00010, "OW", new byte[8]))),
                undefinedLength(0x00191020, "UN"),
                definedLength(0x00191021, "UN"));
    }

    /**
     * Explicit VR little endian with UN sequences of undefined length, whose content is implicit VR
     * (CP 246): a standard sequence and a UN one nested inside, one in a standard sequence's item;
     * the names and numbers a header is made of only inside them.
     */
    private static byte[] explicitUnknownSequences() {
        return image(EXPLICIT_LITTLE_ENDIAN, null,
                text(0x00290010, "LO", "SIEMENS CSA HEADER"),
                undefinedLength(0x00291010, "UN",
                        undefinedLengthItem(
                                undefinedLength(0x00081140, "SQ",
                                        undefinedLengthItem(text(0x00081155, "UI", "1.2.3.9"))),
                                text(0x00100010, "PN", "NESTED^NAME"),
                                unsignedShorts(0x00280010, 512),
                                undefinedLength(0x00291011, "UN", definedLengthItem(text(0x00291012, "LO", "deeper")))),
                        definedLengthItem(text(0x00200013, "IS", "77")),
                        undefinedLengthItem()),
                undefinedLength(0x00291020, "UN"),
                definedLength(0x00291030, "UN", definedLengthItem(text(0x00291031, "LO", "read as bytes"))),
                undefinedLength(0x00400275, "SQ", undefinedLengthItem(
                        text(0x00401001, "SH", "RP1"),
                        text(0x00410010, "LO", "LIGHTBOX TEST"),
                        undefinedLength(0x00411010, "UN",
                                undefinedLengthItem(text(0x00100010, "PN", "DEEPER^NAME"))))));
    }

    /** Private sequences of undefined length, each the one item of the one around it. */
    private static byte[] nested(int depth) {
        Part10Bytes.Element nested = text(0x00191001, "LO", "deepest");
        for (int level = 0; level < depth; level++) {
            nested = undefinedLength(0x00191010, "UN", undefinedLengthItem(nested));
        }
        return image(IMPLICIT_LITTLE_ENDIAN, "TOP^NAME", nested);
    }

    /** A 2x2 CT image with {@code extra} after its Image Pixel module and its Pixel Data last; no name if null. */
    private static byte[] image(String transferSyntax, String patientName, Part10Bytes.Element... extra) {
        List<Part10Bytes.Element> elements = new ArrayList<>(List.of(
                text(0x00080016, "UI", TestDicomFiles.CT_IMAGE_STORAGE), text(0x00080018, "UI", "1.2.3.4.5.6.7"),
                text(0x00080060, "CS", "CT")));
        if (patientName != null) {
            elements.add(text(0x00100010, "PN", patientName));
        }
        elements.addAll(List.of(text(0x00100020, "LO", "LB-SEQ"), text(0x0020000d, "UI", "1.2.3.4"),
                text(0x0020000e, "UI", "1.2.3.4.1"), unsignedShorts(0x00280002, 1),
                text(0x00280004, "CS", "MONOCHROME2"), unsignedShorts(0x00280010, 2), unsignedShorts(0x00280011, 2),
                unsignedShorts(0x00280100, 16), unsignedShorts(0x00280101, 12), unsignedShorts(0x00280102, 11),
                unsignedShorts(0x00280103, 0)));
        elements.addAll(List.of(extra));
        elements.add(new Value(0x7fe00010, "OW", new byte[8]));
        return Part10Bytes.file(transferSyntax, elements.toArray(Part10Bytes.Element[]::new));
    }

    /** (FFFE,{@code element}) with its 32-bit length, as little endian bytes. */
    private static byte[] delimiter(int element, int length) {
        return new byte[] {(byte) 0xfe, (byte) 0xff, (byte) element, (byte) (element >> 8), (byte) length, 0, 0, 0};
    }

    /** The file with the first occurrence of {@code from} replaced by {@code to}, as long. */
    private static byte[] patched(byte[] file, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + from.length, from, 0, from.length)) {
                byte[] patched = file.clone();
                System.arraycopy(to, 0, patched, i, to.length);
                return patched;
            }
        }
        throw new IllegalArgumentException("nothing to patch");
    }

    private Path written(String name, byte[] file) {
        try {
            return Files.write(folder.resolve(name), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }
}
