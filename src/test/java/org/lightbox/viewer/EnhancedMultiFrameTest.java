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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.DecodedImage;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.testing.Dcmtk;
import picocli.CommandLine;

/**
 * An enhanced multi-frame CT (PS3.3 C.7.6.16) keeps its rescale and windows in functional groups:
 * the rescale shared by all frames, a window per frame, and for frame 2 a rescale of its own. dcmtk's
 * renderer does not read them (it finds no window), so the expected grey levels come from the
 * standard's linear VOI function (C.11.2.1.2.1).
 */
class EnhancedMultiFrameTest {
    @TempDir
    Path dir;

    /**
     * 16x16, two frames. Frame 1: stored 1064 and 1084 (40 and 60 HU with the shared rescale), window
     * BRAIN 40/80. Frame 2: stored 700 and 800, its own rescale 2 x - 1000 (400 and 600 HU), window BONE 400/1800.
     */
    private Path enhancedCt() throws IOException {
        List<String> words = new ArrayList<>();
        int[][] halves = {{1064, 1084}, {700, 800}};
        for (int[] frame : halves) {
            for (int i = 0; i < 256; i++) {
                words.add(String.format("%04x", frame[i % 16 < 8 ? 0 : 1]));
            }
        }
        String item = "(fffe,e000) na (Item with undefined length #=1)\n";
        String itemEnd = "(fffe,e00d) na (ItemDelimitationItem)\n";
        String sequenceEnd = "(fffe,e0dd) na (SequenceDelimitationItem)\n";
        String text = """
                (0002,0001) OB 00\\01
                (0002,0002) UI =EnhancedCTImageStorage
                (0002,0003) UI 2.25.%1$d
                (0002,0010) UI =LittleEndianExplicit
                (0008,0016) UI =EnhancedCTImageStorage
                (0008,0018) UI 2.25.%1$d
                (0008,0060) CS [CT]
                (0010,0010) PN [TEST^ENHANCED]
                (0010,0020) LO [LB-TEST-E]
                (0020,000d) UI 2.25.%2$d
                (0020,000e) UI 2.25.%3$d
                (0028,0002) US 1
                (0028,0004) CS [MONOCHROME2]
                (0028,0008) IS [2]
                (0028,0010) US 16
                (0028,0011) US 16
                (0028,0100) US 16
                (0028,0101) US 12
                (0028,0102) US 11
                (0028,0103) US 0
                """.formatted(System.nanoTime(), System.nanoTime() + 1, System.nanoTime() + 2)
                + "(5200,9229) SQ (Sequence with undefined length #=1)\n" + item
                + rescale(-1024, 1)
                + itemEnd + sequenceEnd
                + "(5200,9230) SQ (Sequence with undefined length #=2)\n"
                + item + window(40, 80, "BRAIN") + itemEnd
                + item + window(400, 1800, "BONE") + rescale(-1000, 2) + itemEnd
                + sequenceEnd
                + "(7fe0,0010) OW " + String.join("\\", words) + "\n";
        Path dump = Files.writeString(dir.resolve("enhanced.txt"), text, StandardCharsets.US_ASCII);
        Path file = dir.resolve("enhanced.dcm");
        Dcmtk.runOrFail("dump2dcm", "+te", "+l", "1000000", dump.toString(), file.toString());
        return file;
    }

    private static String rescale(double intercept, double slope) {
        return """
                (0028,9145) SQ (Sequence with undefined length #=1)
                (fffe,e000) na (Item with undefined length #=3)
                (0028,1052) DS [%s]
                (0028,1053) DS [%s]
                (0028,1054) LO [HU]
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """.formatted((long) intercept, (long) slope);
    }

    private static String window(double center, double width, String name) {
        return """
                (0028,9132) SQ (Sequence with undefined length #=1)
                (fffe,e000) na (Item with undefined length #=3)
                (0028,1050) DS [%s]
                (0028,1051) DS [%s]
                (0028,1055) LO [%s]
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """.formatted((long) center, (long) width, name);
    }

    /** PS3.3 C.11.2.1.2.1, to 8 bits. */
    private static int linear(double x, double center, double width) {
        double y = ((x - (center - 0.5)) / (width - 1) + 0.5) * 255;
        return (int) Math.round(Math.max(0, Math.min(255, y)));
    }

    @Test
    void eachFrameHasTheRescaleAndWindowOfItsFunctionalGroups() throws Exception {
        DecodedImage image = new FrameDecoder().decode(enhancedCt());
        GreyFrame first = (GreyFrame) image.frames().get(0);
        GreyFrame second = (GreyFrame) image.frames().get(1);
        assertThat(first.greyscale().modalityValue(1064)).as("the shared rescale").isEqualTo(40.0);
        assertThat(second.greyscale().modalityValue(700)).as("frame 2's own").isEqualTo(400.0);
        assertThat(first.greyscale().windows()).singleElement().satisfies(w -> assertThat(w.explanation()).isEqualTo("BRAIN"));
        assertThat(second.greyscale().windows()).singleElement().satisfies(w -> assertThat(w.center()).isEqualTo(400.0));
        assertThat(second.greyscale().rescaleType()).isEqualTo("HU");
        assertThat(MeasurementMath.ellipse(second, 10, 2, 14, 14, null, "CT").label()).as("an ROI on frame 2 in HU")
                .contains("600").contains("HU");
    }

    @Test
    void eachFrameRendersThroughItsOwnWindowInHounsfieldUnits() throws Exception {
        Path file = enhancedCt();
        int[][] expected = {{linear(40, 40, 80), linear(60, 40, 80)}, {linear(400, 400, 1800), linear(600, 400, 1800)}};
        for (int frame = 1; frame <= 2; frame++) {
            Path out = dir.resolve("frame-" + frame + ".png");
            int exit = new CommandLine(new RenderCommand()).setOut(new PrintWriter(new StringWriter()))
                    .execute(file.toString(), "--frame", Integer.toString(frame), "--out", out.toString());
            assertThat(exit).isZero();
            Raster picture = ImageIO.read(out.toFile()).getRaster();
            assertThat(picture.getSample(2, 8, 0)).as("frame %d, left", frame).isCloseTo(expected[frame - 1][0], within(1));
            assertThat(picture.getSample(12, 8, 0)).as("frame %d, right", frame).isCloseTo(expected[frame - 1][1], within(1));
        }
    }
}
