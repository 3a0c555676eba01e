package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.lightbox.dicom.ColourFrame;
import org.lightbox.dicom.DicomHeader.VoiWindow;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;
import org.lightbox.dicom.LookupTable;
import org.junit.jupiter.api.Test;

/** The grey-scale pipeline of PS3.4 N.2 on hand-made frames: no toolkit, no files. */
class GreyscalePipelineTest {

    private static Greyscale ct(boolean signed, List<VoiWindow> windows) {
        return new Greyscale(false, signed, signed ? 16 : 12, 1, signed ? 0 : -1024, null, "", windows, List.of(),
                "", null, null);
    }

    private static int[] render(GreyFrame frame, GreyPresentation presentation) {
        RenderedImage image = new FrameRenderer().render(frame, presentation);
        int[] grey = new int[image.argb().length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = image.grey(i);
        }
        return grey;
    }

    private static GreyFrame row(Greyscale greyscale, int... stored) {
        short[] samples = new short[stored.length];
        for (int i = 0; i < stored.length; i++) {
            samples[i] = (short) stored[i];
        }
        return new GreyFrame(stored.length, 1, samples, greyscale);
    }

    @Test
    void aBrainWindowFollowsTheStandardsLinearFunctionInHounsfieldUnits() {
        // stored 1024 + HU; window 40/80: at or below -0.5 HU black, above 79.5 white, 40 HU mid-grey
        GreyFrame frame = row(ct(false, List.of()), 1024 - 100, 1024, 1024 + 40, 1024 + 80, 1024 + 1000);
        int[] grey = render(frame, GreyPresentation.window(new WindowLevel(40, 80)));
        // C.11.2.1.2.1: y = ((x - (c - 0.5)) / (w - 1) + 0.5) * 255
        assertThat(grey).containsExactly(0, Math.round((float) (((0 - 39.5) / 79 + 0.5) * 255)),
                Math.round((float) (((40 - 39.5) / 79 + 0.5) * 255)), 255, 255);
    }

    @Test
    void signedPixelsAreReadAsTwosComplement() {
        GreyFrame frame = row(ct(true, List.of()), -1000, -600, 0, 400);
        assertThat(frame.stored(0)).isEqualTo(-1000);
        int[] grey = render(frame, GreyPresentation.window(new WindowLevel(-600, 1500)));
        assertThat(grey[0]).isLessThan(grey[1]);
        assertThat(grey[1]).isBetween(126, 129);
        assertThat(grey[3]).isEqualTo(255);
    }

    @Test
    void unsignedSixteenBitValuesAboveThirtyTwoThousandStayPositive() {
        Greyscale sixteen = new Greyscale(false, false, 16, 1, 0, null, "", List.of(), List.of(), "", null, null);
        GreyFrame frame = row(sixteen, 0, 40000, 65535);
        assertThat(frame.stored(1)).isEqualTo(40000);
        assertThat(render(frame, GreyPresentation.window(PixelRange.of(frame).window()))).containsExactly(0, 156, 255);
    }

    @Test
    void monochromeOneIsShownInvertedAndTheUserCanInvertAgain() {
        Greyscale mono1 = new Greyscale(true, false, 12, 1, 0, null, "", List.of(), List.of(), "", null, null);
        GreyFrame frame = row(mono1, 0, 4095);
        GreyPresentation range = GreyPresentation.window(PixelRange.of(frame).window());
        assertThat(render(frame, range)).containsExactly(255, 0);
        assertThat(render(frame, range.invertedToggled())).containsExactly(0, 255);
    }

    @Test
    void paddingPixelsAreBlackAndLeftOutOfThePixelRange() {
        Greyscale padded = new Greyscale(false, true, 16, 1, 0, null, "", List.of(), List.of(), "", -2000, null);
        GreyFrame frame = row(padded, -2000, 0, 100);
        assertThat(PixelRange.of(frame)).isEqualTo(new PixelRange(0, 100));
        assertThat(render(frame, GreyPresentation.window(new WindowLevel(-5000, 10))))
                .as("padding stays black even where the window would make it white").startsWith(0);
    }

    @Test
    void aPaddingRangeCoversEveryValueBetweenItsLimits() {
        Greyscale padded = new Greyscale(false, false, 12, 1, 0, null, "", List.of(), List.of(), "", 4095, 4000);
        assertThat(padded.isPadding(4001)).isTrue();
        assertThat(padded.isPadding(3999)).isFalse();
    }

    @Test
    void aModalityLutReplacesTheRescale() {
        LookupTable doubling = new LookupTable(0, 16, new int[] {0, 200, 400, 600}, "");
        Greyscale greyscale = new Greyscale(false, false, 8, 5, 1000, doubling, "", List.of(), List.of(), "", null, null);
        assertThat(greyscale.modalityValue(3)).isEqualTo(600);
        assertThat(greyscale.modalityValue(9)).as("beyond the table: its last entry").isEqualTo(600);
    }

    @Test
    void aVoiLutMapsModalityValuesToItsOwnOutputRange() {
        LookupTable voi = new LookupTable(0, 8, new int[] {255, 128, 0}, "inverse ramp");
        Greyscale greyscale = new Greyscale(false, false, 8, 1, 0, null, "", List.of(), List.of(voi), "", null, null);
        GreyFrame frame = row(greyscale, 0, 1, 2, 3);
        assertThat(InitialPresentation.of(frame).voiLutIndex()).isZero();
        assertThat(render(frame, InitialPresentation.of(frame))).containsExactly(255, 128, 0, 0);
    }

    @Test
    void theFirstHeaderWindowIsTheDefaultThenThePixelRange() {
        Greyscale windowed = ct(false, List.of(new VoiWindow(40, 80, "BRAIN"), new VoiWindow(600, 2800, "BONE")));
        assertThat(InitialPresentation.of(row(windowed, 0, 1)).window()).isEqualTo(new WindowLevel(40, 80));
        GreyFrame plain = row(ct(false, List.of()), 1024, 1124);
        assertThat(InitialPresentation.of(plain).window()).isEqualTo(new WindowLevel(50.5, 101));
    }

    @Test
    void linearExactAndSigmoidFollowTheirOwnEquations() {
        assertThat(VoiFunction.LINEAR_EXACT.apply(40, 40, 80, 255)).isEqualTo(127.5);
        assertThat(VoiFunction.SIGMOID.apply(40, 40, 80, 255)).isEqualTo(127.5);
        assertThat(VoiFunction.of("nonsense")).isEqualTo(VoiFunction.LINEAR);
    }

    @Test
    void aNewWindowReRendersFromTheSameCachedSamples() {
        GreyFrame frame = row(ct(false, List.of()), 1024, 1064);
        short[] before = frame.samples().clone();
        FrameRenderer renderer = new FrameRenderer();
        renderer.render(frame, GreyPresentation.window(new WindowLevel(40, 80)));
        renderer.render(frame, GreyPresentation.window(new WindowLevel(400, 1800)));
        assertThat(frame.samples()).containsExactly(before);
    }

    @Test
    void colourFramesPassThroughOpaqueAndInvertOnRequest() {
        ColourFrame frame = new ColourFrame(2, 1, new int[] {0xff0000, 0x00ff00});
        RenderedImage shown = new FrameRenderer().render(frame, GreyPresentation.window(new WindowLevel(0, 1)));
        assertThat(shown.argb()).containsExactly(0xffff0000, 0xff00ff00);
        assertThat(shown.colour()).isTrue();
        RenderedImage inverted = new FrameRenderer().render(frame,
                GreyPresentation.window(new WindowLevel(0, 1)).invertedToggled());
        assertThat(inverted.argb()).containsExactly(0xff00ffff, 0xffff00ff);
    }

    @Test
    void draggingRightWidensAndDownRaisesTheCentre() {
        WindowLevel dragged = new WindowLevel(40, 80).dragged(256, 256);
        assertThat(dragged.width()).isGreaterThan(80);
        assertThat(dragged.center()).isGreaterThan(40);
        assertThat(new WindowLevel(40, 80).dragged(-10_000, 0).width()).isEqualTo(1);
    }
}
