package org.lightbox.dicom.sample;

import static org.lightbox.dicom.sample.DecimalStrings.ds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Axial CT images of a phantom in Hounsfield units, with mild seeded noise.
 *
 * <p>Two pixel encodings, because both are common and a viewer must handle each: unsigned 12 of 16
 * bits with Rescale Intercept -1024 (stored 0 is -1024 HU), or signed 16-bit two's complement with
 * intercept 0 (PS3.3 C.7.6.3.1.4 Pixel Representation, C.11.1 modality LUT).
 */
final class CtSlices implements ImageSource {

    /** A window preset written into the header: PS3.3 C.11.2.1.2. */
    record Window(int center, int width, String explanation) {
    }

    private final TissuePhantom phantom;
    private final SliceStack stack;
    private final boolean signedPixels;
    private final double noiseHu;
    private final long seed;
    private final List<Window> windows;

    CtSlices(TissuePhantom phantom, SliceStack stack, boolean signedPixels, double noiseHu, long seed, List<Window> windows) {
        this.phantom = phantom;
        this.stack = stack;
        this.signedPixels = signedPixels;
        this.noiseHu = noiseHu;
        this.seed = seed;
        this.windows = List.copyOf(windows);
    }

    @Override
    public int count() {
        return stack.count();
    }

    @Override
    public SampleImage image(int index) {
        double[] hounsfield = stack.sample(phantom, index, Tissue::hounsfield);
        Random noise = new Random(seed * 1000 + index);
        int offset = signedPixels ? 0 : 1024;
        int max = signedPixels ? Short.MAX_VALUE : 4095;
        int min = signedPixels ? Short.MIN_VALUE : 0;
        short[] stored = new short[hounsfield.length];
        for (int i = 0; i < stored.length; i++) {
            // Air around the body stays clean, unlike on a real scanner: noise is what lossless
            // compression cannot shrink, and the demo set must stay small.
            double grain = hounsfield[i] > Tissue.AIR.hounsfield() ? noise.nextGaussian() * noiseHu : 0;
            long value = Math.round(hounsfield[i] + grain) + offset;
            stored[i] = (short) Math.max(min, Math.min(max, value));
        }
        return new SampleImage(attributes(index), PixelPayload.words(stored));
    }

    private Map<String, List<String>> attributes(int index) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(stack.planeAttributes(index));
        attributes.put("ImageType", List.of("ORIGINAL", "PRIMARY", "AXIAL"));
        attributes.put("SamplesPerPixel", List.of("1"));
        attributes.put("PhotometricInterpretation", List.of("MONOCHROME2"));
        attributes.put("BitsAllocated", List.of("16"));
        attributes.put("BitsStored", List.of(signedPixels ? "16" : "12"));
        attributes.put("HighBit", List.of(signedPixels ? "15" : "11"));
        attributes.put("PixelRepresentation", List.of(signedPixels ? "1" : "0"));
        attributes.put("RescaleIntercept", List.of(signedPixels ? "0" : "-1024"));
        attributes.put("RescaleSlope", List.of("1"));
        attributes.put("RescaleType", List.of("HU"));
        List<String> centers = new ArrayList<>();
        List<String> widths = new ArrayList<>();
        List<String> explanations = new ArrayList<>();
        for (Window window : windows) {
            centers.add(ds(window.center()));
            widths.add(ds(window.width()));
            explanations.add(window.explanation());
        }
        attributes.put("WindowCenter", centers);
        attributes.put("WindowWidth", widths);
        attributes.put("WindowCenterWidthExplanation", explanations);
        attributes.put("KVP", List.of("120"));
        attributes.put("XRayTubeCurrent", List.of("250"));
        attributes.put("ConvolutionKernel", List.of("STANDARD"));
        attributes.put("AcquisitionNumber", List.of("1"));
        return attributes;
    }
}
