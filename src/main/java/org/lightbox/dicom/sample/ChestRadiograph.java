package org.lightbox.dicom.sample;

import static org.lightbox.dicom.sample.DecimalStrings.ds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A PA chest radiograph projected through the chest phantom: the attenuation along each ray,
 * log-compressed the way computed radiography stores it, as MONOCHROME1 (PS3.3 C.7.6.3.1.2: the
 * lowest value is shown white, so bone, which stops the most X-rays, gets the lowest values).
 *
 * <p>Rays are traced on a grid a quarter of the image size and interpolated up: the projection is
 * smooth anyway, and tracing every pixel of a 1024 x 1024 image would take minutes.
 */
final class ChestRadiograph implements ImageSource {

    private static final int TRACE_FACTOR = 4;
    private static final double RAY_STEP_MM = 1.5;
    private static final double DARKEST = 4000;
    private static final double VALUE_PER_ATTENUATION = 560;

    private final TissuePhantom phantom;
    private final int size;
    private final double pixelSpacing;
    private final double centreZ;
    private final long seed;

    ChestRadiograph(TissuePhantom phantom, int size, double pixelSpacing, double centreZ, long seed) {
        this.phantom = phantom;
        this.size = size;
        this.pixelSpacing = pixelSpacing;
        this.centreZ = centreZ;
        this.seed = seed;
    }

    @Override
    public int count() {
        return 1;
    }

    @Override
    public SampleImage image(int index) {
        double[] attenuation = traceCoarse();
        int coarse = size / TRACE_FACTOR;
        Random noise = new Random(seed);
        short[] stored = new short[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double a = interpolate(attenuation, coarse, (r + 0.5) / TRACE_FACTOR - 0.5, (c + 0.5) / TRACE_FACTOR - 0.5);
                double value = DARKEST - VALUE_PER_ATTENUATION * a + noise.nextGaussian() * 1.5;
                stored[r * size + c] = (short) Math.max(0, Math.min(4095, Math.round(value)));
            }
        }
        return new SampleImage(attributes(), PixelPayload.words(stored));
    }

    /** Sum of attenuation along y (posterior to anterior) for each coarse pixel. Row direction is the patient's left, column direction the feet. */
    private double[] traceCoarse() {
        int coarse = size / TRACE_FACTOR;
        double spacing = pixelSpacing * TRACE_FACTOR;
        double[] attenuation = new double[coarse * coarse];
        for (int r = 0; r < coarse; r++) {
            double z = centreZ + ((coarse - 1) / 2.0 - r) * spacing;
            for (int c = 0; c < coarse; c++) {
                double x = (c - (coarse - 1) / 2.0) * spacing;
                double sum = 0;
                for (double y = 140; y >= -140; y -= RAY_STEP_MM) {
                    sum += phantom.tissueAt(x, y, z).attenuationPerMm() * RAY_STEP_MM;
                }
                attenuation[r * coarse + c] = sum;
            }
        }
        return attenuation;
    }

    private static double interpolate(double[] grid, int n, double r, double c) {
        double rr = Math.max(0, Math.min(n - 1.001, r));
        double cc = Math.max(0, Math.min(n - 1.001, c));
        int r0 = (int) rr;
        int c0 = (int) cc;
        double fr = rr - r0;
        double fc = cc - c0;
        double top = grid[r0 * n + c0] * (1 - fc) + grid[r0 * n + c0 + 1] * fc;
        double bottom = grid[(r0 + 1) * n + c0] * (1 - fc) + grid[(r0 + 1) * n + c0 + 1] * fc;
        return top * (1 - fr) + bottom * fr;
    }

    private Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("ImageType", List.of("ORIGINAL", "PRIMARY"));
        attributes.put("Rows", List.of(Integer.toString(size)));
        attributes.put("Columns", List.of(Integer.toString(size)));
        attributes.put("SamplesPerPixel", List.of("1"));
        attributes.put("PhotometricInterpretation", List.of("MONOCHROME1"));
        attributes.put("BitsAllocated", List.of("16"));
        attributes.put("BitsStored", List.of("12"));
        attributes.put("HighBit", List.of("11"));
        attributes.put("PixelRepresentation", List.of("0"));
        attributes.put("PixelSpacing", ds(pixelSpacing, pixelSpacing));
        attributes.put("ImagerPixelSpacing", ds(pixelSpacing, pixelSpacing));
        // PS3.3 C.7.6.1.1.1: rows run to the patient's left, columns to the feet, as a PA film is hung.
        attributes.put("PatientOrientation", List.of("L", "F"));
        attributes.put("ViewPosition", List.of("PA"));
        attributes.put("WindowCenter", List.of("2200"));
        attributes.put("WindowWidth", List.of("3600"));
        attributes.put("KVP", List.of("125"));
        attributes.put("ExposureInmAs", List.of("2"));
        attributes.put("DistanceSourceToDetector", List.of("1800"));
        attributes.put("AcquisitionNumber", List.of("1"));
        return attributes;
    }
}
