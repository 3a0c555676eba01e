package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lightbox.dicom.testing.Dcmtk;
import picocli.CommandLine;

/**
 * The render command against dcmtk's dcmj2pnm as oracle: the same file, frame and window must give
 * the same 8-bit picture to within one grey level per pixel (per channel for colour), for the demo
 * images re-encoded by dcmtk into every transfer syntax this workstation decodes.
 */
class RenderMatchesDcmtkTest {
    private static final Path SAMPLES = Path.of("sample-dicom").toAbsolutePath();

    @TempDir
    static Path corpus;

    /** name, file, frame, window (null: the file's own) */
    record Case(String name, Path file, int frame, double[] window) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    @BeforeAll
    static void makeTheCorpusWithDcmtk() throws IOException {
        Path ctHead = Dcmtk.transcode(SAMPLES.resolve("DEMO0001-ct-head/series-1/IM0012.dcm"), corpus.resolve("ct-le.dcm"), "dcmdjpeg");
        add("CT head, explicit little endian, header window", ctHead, 1, null);
        add("CT head, implicit little endian", Dcmtk.transcode(ctHead, corpus.resolve("ct-ile.dcm"), "dcmconv", "+ti"), 1, null);
        add("CT head, explicit big endian, bone window", Dcmtk.transcode(ctHead, corpus.resolve("ct-be.dcm"), "dcmconv", "+tb"),
                1, new double[] {600, 2800});
        add("CT head, deflated", Dcmtk.transcode(ctHead, corpus.resolve("ct-defl.dcm"), "dcmconv", "+td"), 1, null);
        add("CT head, RLE (16 bits)", Dcmtk.transcode(ctHead, corpus.resolve("ct-rle.dcm"), "dcmcrle"), 1, null);
        add("CT head, JPEG lossless process 14", Dcmtk.transcode(ctHead, corpus.resolve("ct-j57.dcm"), "dcmcjpeg", "+el"),
                1, new double[] {75, 215});
        add("CT head, JPEG lossless SV1 as stored", SAMPLES.resolve("DEMO0001-ct-head/series-1/IM0012.dcm"), 1, null);
        add("CT head prior, RLE as stored", SAMPLES.resolve("DEMO0000-ct-head-prior/series-1/IM0006.dcm"), 1, null);
        add("CT chest, signed, deflated as stored, lung window", SAMPLES.resolve("DEMO0002-ct-chest/series-1/IM0016.dcm"),
                1, new double[] {-600, 1500});
        add("MR knee, big endian as stored", SAMPLES.resolve("DEMO0003-mr-knee/series-1/IM0008.dcm"), 1, null);
        add("CR chest, MONOCHROME1", SAMPLES.resolve("DEMO0004-cr-chest/series-1/IM0001.dcm"), 1, null);
        add("CT sinus, implicit little endian as stored", SAMPLES.resolve("unmatched-ct-sinus/series-1/IM0004.dcm"), 1, null);
        Path us = SAMPLES.resolve("DEMO0005-us-abdomen/series-1/IM0001.dcm");
        add("US cine, JPEG baseline YBR_FULL_422, frame 7", us, 7, null);
        Path usRgb = Dcmtk.transcode(us, corpus.resolve("us-rgb.dcm"), "dcmdjpeg");
        add("US cine, RGB uncompressed, frame 20", usRgb, 20, null);
        add("US cine, RGB RLE, frame 1", Dcmtk.transcode(usRgb, corpus.resolve("us-rle.dcm"), "dcmcrle"), 1, null);
        Path usYbr = Dcmtk.transcode(us, corpus.resolve("us-ybr.dcm"), "dcmdjpeg", "+cn", "+px");
        add("US cine, YBR_FULL uncompressed by pixel, frame 7", usYbr, 7, null);
        add("US cine, YBR_FULL uncompressed by plane, frame 7",
                Dcmtk.transcode(us, corpus.resolve("us-ybr-planes.dcm"), "dcmdjpeg", "+cn", "+pl"), 7, null);
        add("US cine, YBR_FULL RLE, frame 7", Dcmtk.transcode(usYbr, corpus.resolve("us-ybr-rle.dcm"), "dcmcrle"), 7, null);
        Path everyChroma = everyChromaPair();
        add("YBR_FULL, every chroma pair, uncompressed", everyChroma, 1, null);
        add("YBR_FULL, every chroma pair, RLE", Dcmtk.transcode(everyChroma, corpus.resolve("ybr-rle.dcm"), "dcmcrle"), 1,
                null);
        add("YBR_FULL_422, every chroma pair, uncompressed", everyChromaPairSubsampled(), 1, null);
        Path grey8 = eightBitGrey();
        add("8-bit grey, explicit little endian, pixel range", grey8, 1, null);
        add("8-bit grey, JPEG extended (process 2)", Dcmtk.transcode(grey8, corpus.resolve("g8-j51.dcm"), "dcmcjpeg", "+ee"),
                1, null);
        add("8-bit grey, JPEG baseline", Dcmtk.transcode(grey8, corpus.resolve("g8-j50.dcm"), "dcmcjpeg", "+eb"), 1, null);
        add("palette colour", paletteColour(), 1, null);
        add("8-bit grey, VOI LUT sequence (12-bit output) read from the file", voiLut(), 1, null);
    }

    private static void add(String name, Path file, int frame, double[] window) {
        CASES.add(new Case(name, file, frame, window));
    }

    static List<Arguments> cases() {
        return CASES.stream().map(Arguments::of).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderMatchesDcmj2pnmWithinOneGreyLevel(Case c) throws IOException {
        Path ours = corpus.resolve(c.file().getFileName() + "-" + c.frame() + "-ours.png");
        Path theirs = corpus.resolve(c.file().getFileName() + "-" + c.frame() + "-dcmtk.png");
        List<String> args = new ArrayList<>(List.of(c.file().toString(), "--frame", Integer.toString(c.frame()),
                "--out", ours.toString()));
        List<String> dcmtk = new ArrayList<>(List.of("dcmj2pnm", "+on", "+F", Integer.toString(c.frame())));
        if (c.window() != null) {
            args.addAll(List.of("--window", number(c.window()[0]), number(c.window()[1])));
            dcmtk.addAll(List.of("+Ww", number(c.window()[0]), number(c.window()[1])));
        } else if (hasWindow(c.file())) {
            dcmtk.addAll(List.of("+Wi", "1"));
        } else if (hasVoiLut(c.file())) {
            dcmtk.addAll(List.of("+Wl", "1"));
        } else {
            dcmtk.add("+Wm");
        }
        dcmtk.addAll(List.of(c.file().toString(), theirs.toString()));
        assertThat(render(args)).isZero();
        Dcmtk.runOrFail(dcmtk.toArray(String[]::new));
        assertThat(maximumDifference(ours, theirs)).as(c.name()).isLessThanOrEqualTo(1);
    }

    @Test
    void jpegLsIsRefusedWithTheReason() throws IOException {
        Path jls = Dcmtk.transcode(corpus.resolve("ct-le.dcm"), corpus.resolve("ct-jls.dcm"), "dcmcjpls");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RenderCommand()).setErr(new PrintWriter(err))
                .execute(jls.toString(), "--out", corpus.resolve("jls.png").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("JPEG-LS").contains("cannot decode");
        assertThat(Files.exists(corpus.resolve("jls.png"))).isFalse();
    }

    @Test
    void twelveBitExtendedJpegIsRefusedWithTheReason() {
        Path j51 = Dcmtk.transcode(corpus.resolve("ct-le.dcm"), corpus.resolve("ct-j51.dcm"), "dcmcjpeg", "+ee");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RenderCommand()).setErr(new PrintWriter(err))
                .execute(j51.toString(), "--out", corpus.resolve("j51.png").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("12-bit extended JPEG");
    }

    @Test
    void aFrameBeyondTheLastIsABadArgument() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new RenderCommand()).setErr(new PrintWriter(err)).execute(
                SAMPLES.resolve("DEMO0005-us-abdomen/series-1/IM0001.dcm").toString(), "--frame", "21",
                "--out", corpus.resolve("f21.png").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("has 20 frames");
    }

    private static int render(List<String> args) {
        return new CommandLine(new RenderCommand()).setOut(new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
    }

    private static boolean hasVoiLut(Path file) {
        return Dcmtk.run("dcmdump", "+P", "0028,3010", file.toString()).output().contains("(0028,3010)");
    }

    @Test
    void pixelPaddingReadFromTheFileIsBlackAndTheRestIsAsDcmtkShowsIt() throws IOException {
        // MONOCHROME1: low values are white, so padding left as an ordinary value would be white.
        StringBuilder pixels = new StringBuilder();
        for (int i = 0; i < 64 * 64; i++) {
            int row = i / 64;
            int column = i % 64;
            int value = row < 4 && column < 8 ? column % 4 : 8 + (column * 3 + row) % 240;
            pixels.append(i == 0 ? "" : "\\").append(String.format("%02x", value));
        }
        Path padded = dump("padded.dcm", "MONOCHROME1", """
                (0028,0120) US 0
                (0028,0121) US 3
                (0028,1050) DS [128]
                (0028,1051) DS [256]
                """, pixels.toString());
        Path ours = corpus.resolve("padded-ours.png");
        Path theirs = corpus.resolve("padded-dcmtk.png");
        assertThat(render(List.of(padded.toString(), "--out", ours.toString()))).isZero();
        Dcmtk.runOrFail("dcmj2pnm", "+on", "+Wi", "1", padded.toString(), theirs.toString());
        Raster x = ImageIO.read(ours.toFile()).getRaster();
        Raster y = ImageIO.read(theirs.toFile()).getRaster();
        for (int row = 0; row < 64; row++) {
            for (int column = 0; column < 64; column++) {
                if (row < 4 && column < 8) {
                    assertThat(x.getSample(column, row, 0)).as("padding at %d,%d", column, row).isZero();
                    assertThat(y.getSample(column, row, 0)).as("dcmtk shows it as a value").isGreaterThan(250);
                } else {
                    assertThat(x.getSample(column, row, 0)).isCloseTo(y.getSample(column, row, 0), within(1));
                }
            }
        }
    }

    private static boolean hasWindow(Path file) {
        String value = Dcmtk.value(file, "0028,1050");
        return value != null && !value.isBlank();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value == Math.rint(value) ? Long.toString((long) value) : value);
    }

    /** Compares samples, not getRGB(): Java reads a grey PNG as linear grey and would gamma-convert it. */
    private static int maximumDifference(Path a, Path b) throws IOException {
        Raster x = ImageIO.read(a.toFile()).getRaster();
        Raster y = ImageIO.read(b.toFile()).getRaster();
        assertThat(x.getWidth()).isEqualTo(y.getWidth());
        assertThat(x.getHeight()).isEqualTo(y.getHeight());
        assertThat(x.getNumBands()).as("grey stays grey, colour stays colour").isEqualTo(y.getNumBands());
        int max = 0;
        for (int row = 0; row < x.getHeight(); row++) {
            for (int column = 0; column < x.getWidth(); column++) {
                for (int band = 0; band < x.getNumBands(); band++) {
                    max = Math.max(max, Math.abs(x.getSample(column, row, band) - y.getSample(column, row, band)));
                }
            }
        }
        return max;
    }

    /** A 64x64 8-bit MONOCHROME2 ramp without a window, written by dump2dcm. */
    private static Path eightBitGrey() throws IOException {
        StringBuilder pixels = new StringBuilder();
        for (int i = 0; i < 64 * 64; i++) {
            pixels.append(i == 0 ? "" : "\\").append(String.format("%02x", (i % 64) * 3 + (i / 64)));
        }
        return dump("g8.dcm", "MONOCHROME2", "", pixels.toString());
    }

    /** A 16x16 PALETTE COLOR image whose 256-entry 16-bit palette runs red up, green down, blue steady. */
    private static Path paletteColour() throws IOException {
        StringBuilder pixels = new StringBuilder();
        StringBuilder red = new StringBuilder();
        StringBuilder green = new StringBuilder();
        StringBuilder blue = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            String sep = i == 0 ? "" : "\\";
            pixels.append(sep).append(String.format("%02x", i));
            red.append(sep).append(String.format("%04x", i * 257));
            green.append(sep).append(String.format("%04x", (255 - i) * 257));
            blue.append(sep).append(String.format("%04x", 128 * 257));
        }
        String palette = """
                (0028,1101) US 256\\0\\16
                (0028,1102) US 256\\0\\16
                (0028,1103) US 256\\0\\16
                (0028,1201) OW %s
                (0028,1202) OW %s
                (0028,1203) OW %s
                """.formatted(red, green, blue);
        return dump("palette.dcm", "PALETTE COLOR", palette, pixels.toString(), 16);
    }

    /**
     * A 256x256 YBR_FULL image by pixel in which each pixel has its own (Cb, Cr) pair, column and row,
     * over a luminance that runs through every value: all the chroma the colour conversion can meet.
     */
    private static Path everyChromaPair() throws IOException {
        StringBuilder pixels = new StringBuilder();
        for (int row = 0; row < 256; row++) {
            for (int column = 0; column < 256; column++) {
                int luma = (column * 37 + row * 101) % 256;
                pixels.append(row + column == 0 ? "" : "\\").append(String.format("%02x\\%02x\\%02x", luma, column, row));
            }
        }
        return dump("ybr.dcm", "YBR_FULL", "(0028,0006) US 0\n", pixels.toString(), 3, 256, 256);
    }

    /** The same for YBR_FULL_422 (PS3.3 C.7.6.3.1.2: Y1 Y2 Cb Cr for each pair of pixels in a row), 512 columns wide. */
    private static Path everyChromaPairSubsampled() throws IOException {
        StringBuilder pixels = new StringBuilder();
        for (int row = 0; row < 256; row++) {
            for (int pair = 0; pair < 256; pair++) {
                int luma = (pair * 37 + row * 101) % 256;
                pixels.append(row + pair == 0 ? "" : "\\").append(String.format("%02x\\%02x\\%02x\\%02x", luma,
                        255 - luma, pair, row));
            }
        }
        return dump("ybr422.dcm", "YBR_FULL_422", "(0028,0006) US 0\n", pixels.toString(), 3, 512, 256);
    }

    /**
     * The 8-bit ramp with a VOI LUT Sequence (PS3.3 C.11.2.1.1) of 256 entries to 12 bits that
     * squares its input, and no window: the LUT is what shows it.
     */
    private static Path voiLut() throws IOException {
        StringBuilder pixels = new StringBuilder();
        for (int i = 0; i < 64 * 64; i++) {
            pixels.append(i == 0 ? "" : "\\").append(String.format("%02x", (i % 64) * 3 + (i / 64)));
        }
        StringBuilder lut = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            lut.append(i == 0 ? "" : "\\").append(Math.round(4095 * Math.pow(i / 255.0, 2)));
        }
        String sequence = """
                (0028,3010) SQ (Sequence with undefined length #=1)
                (fffe,e000) na (Item with undefined length #=3)
                (0028,3002) US 256\\0\\12
                (0028,3003) LO [SQUARE]
                (0028,3006) US %s
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """.formatted(lut);
        return dump("voi-lut.dcm", "MONOCHROME2", sequence, pixels.toString());
    }

    private static Path dump(String name, String photometric, String extra, String pixels) throws IOException {
        return dump(name, photometric, extra, pixels, 64);
    }

    private static Path dump(String name, String photometric, String extra, String pixels, int size) throws IOException {
        return dump(name, photometric, extra, pixels, 1, size, size);
    }

    private static Path dump(String name, String photometric, String extra, String pixels, int samplesPerPixel,
                             int columns, int rows) throws IOException {
        String text = """
                (0002,0001) OB 00\\01
                (0002,0002) UI =SecondaryCaptureImageStorage
                (0002,0003) UI 2.25.%d
                (0002,0010) UI =LittleEndianExplicit
                (0008,0016) UI =SecondaryCaptureImageStorage
                (0008,0018) UI 2.25.%d
                (0008,0060) CS [OT]
                (0010,0010) PN [TEST^EIGHT]
                (0010,0020) LO [LB-TEST-8]
                (0020,000d) UI 2.25.%d
                (0020,000e) UI 2.25.%d
                (0028,0002) US %d
                (0028,0004) CS [%s]
                (0028,0010) US %d
                (0028,0011) US %d
                (0028,0100) US 8
                (0028,0101) US 8
                (0028,0102) US 7
                (0028,0103) US 0
                %s(7fe0,0010) OB %s
                """.formatted(System.nanoTime(), System.nanoTime() + 1, System.nanoTime() + 2, System.nanoTime() + 3,
                samplesPerPixel, photometric, rows, columns, extra, pixels);
        Path dump = corpus.resolve(name + ".txt");
        Files.writeString(dump, text, StandardCharsets.US_ASCII);
        Path file = corpus.resolve(name);
        Dcmtk.runOrFail("dump2dcm", "+te", "+l", "1000000", dump.toString(), file.toString());
        return file;
    }
}
