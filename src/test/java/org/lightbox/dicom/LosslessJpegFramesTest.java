package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lightbox.dicom.sample.PixelPayload;
import org.lightbox.dicom.sample.SyntheticInstance;
import org.lightbox.dicom.sample.SyntheticInstanceWriter;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;

/**
 * Lightbox's own JPEG lossless decoder against dcmtk's: files dcmcjpeg compresses from known
 * pixels, in every predictor, precision and layout it can write, decode to the pixels dcmdjpeg
 * decompresses them to, and to the pixels they were made from.
 */
class LosslessJpegFramesTest {
    private static final Path SAMPLES = Path.of("sample-dicom").toAbsolutePath();

    private final DicomHeaderReader headers = new DicomHeaderReader();
    private final LosslessJpegFrames ownDecoder = new LosslessJpegFrames(new DataSetReader());
    private final FrameDecoder decoder = new FrameDecoder();

    @TempDir
    Path dir;

    /** Synthetic stored values, all frames one after the other, and how the file stores them. */
    record Image(int columns, int rows, int frames, int bitsAllocated, int bitsStored, boolean signed, int[] stored) {

        int pixels() {
            return columns * rows;
        }
    }

    @Test
    void firstOrderPredictionOfTwelveBitCtDecodesLikeDcmtk() throws Exception {
        assertDecodesLikeDcmtk(image(64, 48, 1, 16, 12, false), "+e1");
    }

    @ParameterizedTest(name = "selection value {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void everyPredictorDecodesLikeDcmtk(int selectionValue) throws Exception {
        assertDecodesLikeDcmtk(image(61, 37, 1, 16, 16, false), "+el", "+sv", Integer.toString(selectionValue));
    }

    @ParameterizedTest(name = "point transform {0}")
    @ValueSource(ints = {1, 3})
    void aPointTransformDropsTheLowBitsAsDcmtkDoes(int pointTransform) throws Exception {
        Image image = image(40, 30, 1, 16, 12, false);
        Path jpeg = compressed(image, "+el", "+sv", "1", "+pt", Integer.toString(pointTransform));
        int[] dropped = image.stored().clone();
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = dropped[i] >> pointTransform << pointTransform;
        }
        assertThat(own(jpeg)).isEqualTo(dcmtk(jpeg)).isEqualTo(new int[][] {dropped});
        // PixelMed leaves the samples shifted down (T.81 H.1.2.1 scales them back up): its image was too dark
        GreyFrame pixelMed = (GreyFrame) FrameDecoder.pixelMedOnly().decode(jpeg).frames().get(0);
        assertThat(pixelMed.stored(dropped.length - 1)).isEqualTo(dropped[dropped.length - 1] >> pointTransform);
    }

    @Test
    void eightBitImagesDecodeLikeDcmtk() throws Exception {
        assertDecodesLikeDcmtk(image(50, 40, 1, 8, 8, false), "+e1");
    }

    @Test
    void signedSixteenBitImagesDecodeLikeDcmtkIncludingTheExtremes() throws Exception {
        Image image = image(48, 48, 1, 16, 16, true);
        assertThat(image.stored()).contains(-32768, 32767);
        assertDecodesLikeDcmtk(image, "+e1");
    }

    @Test
    void signedTwelveBitImagesDecodeLikeDcmtk() throws Exception {
        assertDecodesLikeDcmtk(image(48, 32, 1, 16, 12, true), "+el", "+sv", "6");
    }

    @Test
    void tenBitImagesDecodeLikeDcmtk() throws Exception {
        assertDecodesLikeDcmtk(image(33, 21, 1, 16, 10, false), "+e1");
    }

    /** dcmcjpeg writes no restart markers and only 8, 12 or 16 bits; {@link RestartIntervalJpeg} does. */
    @ParameterizedTest(name = "{0}-bit samples")
    @ValueSource(ints = {2, 7, 10, 16})
    void restartIntervalsAndAnyPrecisionDecodeLikeDcmtk(int precision) throws Exception {
        Image image = image(30, 20, 1, precision > 8 ? 16 : 8, precision, false);
        Path plain = uncompressed(image);
        Path jpeg = RestartIntervalJpeg.write(plain, dir.resolve("restarts.dcm"), image.stored(), image.columns(),
                image.rows(), precision, 3);
        assertThat(own(jpeg)).isEqualTo(dcmtk(jpeg)).isEqualTo(frames(image, 0));
    }

    @Test
    void aMultiFrameFileDecodesOnlyTheFramesAskedFor() throws Exception {
        Image image = image(40, 40, 4, 16, 12, false);
        Path jpeg = compressed(image, "+e1");
        DecodedImage middle = ownDecoder.decode(jpeg, headers.read(jpeg), 1, 3);
        assertThat(middle.firstFrame()).isEqualTo(1);
        assertThat(stored(middle)).isEqualTo(Arrays.copyOfRange(dcmtk(jpeg), 1, 3)).isEqualTo(frames(image, 1, 2));
    }

    @ParameterizedTest(name = "offset table {0}")
    @ValueSource(strings = {"+ot", "-ot"})
    void framesSpreadOverSeveralFragmentsAreFoundWithOrWithoutAnOffsetTable(String offsetTable) throws Exception {
        Image image = image(64, 64, 3, 16, 16, false);
        Path jpeg = compressed(image, "+e1", "+fs", "1", offsetTable);
        assertThat(Files.size(jpeg)).as("several 1 KB fragments per frame").isGreaterThan(3 * 1024 * 3);
        assertThat(own(jpeg)).isEqualTo(dcmtk(jpeg)).isEqualTo(frames(image, 0, 1, 2));
    }

    @Test
    void theJpegLosslessSampleStudiesDecodeLikeDcmtk() throws Exception {
        List<Path> files = jpegLosslessSamples();
        assertThat(files).as("JPEG lossless sample files").hasSizeGreaterThanOrEqualTo(30);
        for (Path file : files) {
            assertThat(own(file)).as(file.toString()).isEqualTo(dcmtk(file));
        }
    }

    @Test
    void frameDecoderGivesTheSameFramesAsPixelMedDid() throws Exception {
        List<Path> files = new ArrayList<>(jpegLosslessSamples());
        files.add(compressed(image(48, 48, 1, 16, 16, true), "+e1"));
        files.add(compressed(image(50, 40, 1, 8, 8, false), "+el", "+sv", "4"));
        files.add(compressed(image(40, 40, 3, 16, 12, false), "+e1", "+fs", "1", "-ot"));
        files.add(compressed(image(40, 30, 1, 16, 12, false), "+el", "+sv", "7"));
        FrameDecoder pixelMed = FrameDecoder.pixelMedOnly();
        for (Path file : files) {
            DecodedImage own = decoder.decode(file);
            DecodedImage before = pixelMed.decode(file);
            assertThat(own.frames()).as(file.toString()).hasSameSizeAs(before.frames());
            for (int f = 0; f < own.frames().size(); f++) {
                GreyFrame ours = (GreyFrame) own.frames().get(f);
                GreyFrame theirs = (GreyFrame) before.frames().get(f);
                assertThat(ours.samples()).as(file + " frame " + f).isEqualTo(theirs.samples());
                assertThat(ours.greyscale()).as(file + " frame " + f).isEqualTo(theirs.greyscale());
            }
        }
    }

    /**
     * Whatever the own decoder finds wrong goes to PixelMed, so a damaged frame fails as it did
     * before, with the same message, and one PixelMed decoded anyway still shows what it showed.
     */
    @Test
    void damagedStreamsGiveTheSameReadErrorAsBeforeAndNothingElse() throws Exception {
        Image image = image(64, 64, 1, 16, 12, false);
        byte[] jpeg = stream(compressed(image, "+e1"));
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        damaged.put("cut-in-half", Arrays.copyOf(jpeg, jpeg.length / 2));
        damaged.put("frame-header-flipped", flipped(jpeg, indexOf(jpeg, 0xc3) + 3, 1));
        damaged.put("huffman-table-flipped", flipped(jpeg, indexOf(jpeg, 0xc4) + 5, 1));
        damaged.put("end-marker-missing", Arrays.copyOf(jpeg, jpeg.length - 2));
        damaged.put("data-flipped", flipped(jpeg, indexOf(jpeg, 0xda) + 110, 40));
        FrameDecoder pixelMed = FrameDecoder.pixelMedOnly();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : damaged.entrySet()) {
            Path file = RestartIntervalJpeg.wrap(uncompressed(image), dir.resolve(entry.getKey() + ".dcm"), entry.getValue());
            String outcome = outcome(decoder, file);
            assertThat(outcome).as(entry.getKey()).isEqualTo(outcome(pixelMed, file));
            outcomes.put(entry.getKey(), outcome);
        }
        assertThat(outcomes.get("cut-in-half")).startsWith("UNDECODABLE_PIXELS");
        assertThat(outcomes.get("frame-header-flipped")).startsWith("UNDECODABLE_PIXELS");
        assertThat(outcomes.get("huffman-table-flipped")).startsWith("UNDECODABLE_PIXELS");
    }

    /** The read error's reason and message, or the decoded samples. */
    private static String outcome(FrameDecoder decoder, Path file) {
        try {
            return "decoded " + Arrays.toString(((GreyFrame) decoder.decode(file).frames().get(0)).samples());
        } catch (DicomReadException e) {
            return e.reason() + " " + e.problem();
        }
    }

    private static byte[] flipped(byte[] jpeg, int from, int count) {
        byte[] copy = jpeg.clone();
        for (int i = from; i < from + count; i++) {
            copy[i] ^= 0x5a;
        }
        return copy;
    }

    /** The JPEG stream of a single-frame file. */
    private static byte[] stream(Path file) throws DicomReadException {
        return new DataSetReader().read(file, DataSetReader.Extent.HEADER, parsed -> {
            try {
                return EncapsulatedFrames.locate(parsed, 1).frame(0);
            } catch (LosslessJpegException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static int indexOf(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xff && jpeg[i + 1] == (byte) marker) {
                return i;
            }
        }
        throw new AssertionError("no marker");
    }

    private static List<Path> jpegLosslessSamples() throws Exception {
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            return walk.filter(f -> f.toString().endsWith(".dcm")).sorted().filter(f -> {
                String syntax = Dcmtk.value(f, "0002,0010");
                return syntax.startsWith("1.2.840.10008.1.2.4.57") || syntax.startsWith("1.2.840.10008.1.2.4.70");
            }).toList();
        }
    }

    /** Compressed by dcmcjpeg with {@code options}, the image decodes to dcmdjpeg's pixels and to its own. */
    private void assertDecodesLikeDcmtk(Image image, String... options) throws Exception {
        Path jpeg = compressed(image, options);
        assertThat(own(jpeg)).isEqualTo(dcmtk(jpeg)).isEqualTo(frames(image, 0));
    }

    /** Stored values of every frame, decoded by the own decoder; fails if it declined the file. */
    private int[][] own(Path jpeg) throws DicomReadException {
        DicomHeader header = headers.read(jpeg);
        DecodedImage image = ownDecoder.decode(jpeg, header, 0, header.geometry().numberOfFrames());
        assertThat(image).as("decoded by Lightbox's own decoder, not PixelMed").isNotNull();
        return stored(image);
    }

    /** Stored values of every frame as dcmdjpeg decompresses them. */
    private int[][] dcmtk(Path jpeg) throws DicomReadException {
        Path plain = Dcmtk.transcode(jpeg, dir.resolve("dcmdjpeg-" + jpeg.getFileName()), "dcmdjpeg");
        assertThat(headers.read(plain).instance().transferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1");
        return stored(decoder.decode(plain));
    }

    private static int[][] stored(DecodedImage image) {
        List<int[]> frames = new ArrayList<>();
        for (RawFrame raw : image.frames()) {
            GreyFrame frame = (GreyFrame) raw;
            int[] values = new int[frame.samples().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = frame.stored(i);
            }
            frames.add(values);
        }
        return frames.toArray(int[][]::new);
    }

    private static int[][] frames(Image image, int... indices) {
        List<int[]> frames = new ArrayList<>();
        for (int f : indices) {
            int[] values = new int[image.pixels()];
            System.arraycopy(image.stored(), f * image.pixels(), values, 0, values.length);
            frames.add(values);
        }
        return frames.toArray(int[][]::new);
    }

    /**
     * A ramp across the whole range of the stored values, noise, and a block of the extremes side
     * by side: the largest differences there are, category 16 for 16-bit samples.
     */
    private static Image image(int columns, int rows, int frames, int bitsAllocated, int bitsStored, boolean signed) {
        int min = signed ? -(1 << (bitsStored - 1)) : 0;
        int max = signed ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
        SplittableRandom random = new SplittableRandom(columns * 31L + bitsStored);
        int[] stored = new int[columns * rows * frames];
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    int value;
                    if (x < 8 && y < 8) {
                        value = (x + y + f) % 2 == 0 ? min : max;
                    } else {
                        double ramp = (double) (x + y * columns) / (columns * rows);
                        value = (int) (min + ramp * (max - min)) + random.nextInt(-40, 41) * (f + 1);
                    }
                    stored[(f * rows + y) * columns + x] = Math.max(min, Math.min(max, value));
                }
            }
        }
        return new Image(columns, rows, frames, bitsAllocated, bitsStored, signed, stored);
    }

    private Path compressed(Image image, String... options) throws IOException {
        Path plain = uncompressed(image);
        List<String> command = new ArrayList<>(List.of("dcmcjpeg"));
        command.addAll(List.of(options));
        return Dcmtk.transcode(plain, dir.resolve("jpeg-" + plain.getFileName()), command.toArray(String[]::new));
    }

    private Path uncompressed(Image image) throws IOException {
        Path plain = dir.resolve("plain-" + TestDicomFile.newUid() + ".dcm");
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("SOPClassUID", List.of("1.2.840.10008.5.1.4.1.1.7"));
        a.put("SOPInstanceUID", List.of(TestDicomFile.newUid()));
        a.put("StudyInstanceUID", List.of(TestDicomFile.newUid()));
        a.put("SeriesInstanceUID", List.of(TestDicomFile.newUid()));
        a.put("Modality", List.of("OT"));
        a.put("PatientID", List.of("LB-JPEG-1"));
        a.put("Rows", List.of(Integer.toString(image.rows())));
        a.put("Columns", List.of(Integer.toString(image.columns())));
        a.put("NumberOfFrames", List.of(Integer.toString(image.frames())));
        a.put("SamplesPerPixel", List.of("1"));
        a.put("PhotometricInterpretation", List.of("MONOCHROME2"));
        a.put("BitsAllocated", List.of(Integer.toString(image.bitsAllocated())));
        a.put("BitsStored", List.of(Integer.toString(image.bitsStored())));
        a.put("HighBit", List.of(Integer.toString(image.bitsStored() - 1)));
        a.put("PixelRepresentation", List.of(image.signed() ? "1" : "0"));
        PixelPayload payload;
        if (image.bitsAllocated() == 8) {
            byte[] bytes = new byte[image.stored().length];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) image.stored()[i];
            }
            payload = PixelPayload.bytes(bytes);
        } else {
            short[] words = new short[image.stored().length];
            for (int i = 0; i < words.length; i++) {
                words[i] = (short) image.stored()[i];
            }
            payload = PixelPayload.words(words);
        }
        new SyntheticInstanceWriter().write(new SyntheticInstance(a, payload), "1.2.840.10008.1.2.1", plain);
        return plain;
    }
}
