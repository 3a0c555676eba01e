package org.lightbox.dicom.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A short ultrasound cine of the right upper quadrant: a sector of speckled liver, an anechoic
 * gallbladder with posterior acoustic enhancement, a pulsating vessel with a colour Doppler fill,
 * and the diaphragm moving with breathing. RGB, all frames in one multi-frame instance
 * (PS3.3 A.7, US Multi-frame Image IOD), as ultrasound machines store their loops.
 */
final class AbdomenCine implements ImageSource {

    private static final int COLUMNS = 320;
    private static final int ROWS = 240;
    private static final double APEX_X = 160;
    private static final double APEX_Y = 8;
    private static final double SECTOR_HALF_ANGLE = Math.toRadians(38);
    private static final double SECTOR_DEPTH = 226;

    private final int frames;
    private final double[] speckle;

    AbdomenCine(int frames, long seed) {
        this.frames = frames;
        this.speckle = speckle(new Random(seed));
    }

    @Override
    public int count() {
        return 1;
    }

    @Override
    public SampleImage image(int index) {
        byte[] rgb = new byte[frames * ROWS * COLUMNS * 3];
        for (int frame = 0; frame < frames; frame++) {
            drawFrame(frame, rgb, frame * ROWS * COLUMNS * 3);
        }
        return new SampleImage(attributes(), PixelPayload.bytes(rgb));
    }

    private void drawFrame(int frame, byte[] rgb, int start) {
        double breathing = 4 * Math.sin(2 * Math.PI * frame / frames);
        double pulse = Math.sin(4 * Math.PI * frame / frames);
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                int[] colour = pixel(x, y, breathing, pulse);
                int at = start + (y * COLUMNS + x) * 3;
                rgb[at] = (byte) colour[0];
                rgb[at + 1] = (byte) colour[1];
                rgb[at + 2] = (byte) colour[2];
            }
        }
    }

    private int[] pixel(int x, int y, double breathing, double pulse) {
        if (x == 300 && y > 10 && y % 20 == 0) {
            return grey(200); // depth marks every centimetre
        }
        double dx = x - APEX_X;
        double dy = y - APEX_Y;
        double depth = Math.hypot(dx, dy);
        if (depth > SECTOR_DEPTH || Math.abs(Math.atan2(dx, dy)) > SECTOR_HALF_ANGLE) {
            return grey(0);
        }
        double ay = y - breathing;
        double texture = speckle[Math.floorMod(Math.round(ay), ROWS) * COLUMNS + x];
        double level;
        if (depth < 22) {
            level = 150 * texture;
        } else if (inside(x, ay, 118, 118, 38, 22)) {
            level = 6 * texture;
        } else if (Math.abs(Math.hypot(dx, ay - APEX_Y) - 200) < 4) {
            level = 215 * texture;
        } else {
            level = 85 * texture;
            if (Math.abs(x - 118) < 34 && ay > 140 && ay < 190) {
                level *= 1.45; // enhancement behind the fluid-filled gallbladder
            }
        }
        level *= 1 - depth * 0.0018;
        double vesselRadius = 13 + 2.5 * pulse;
        if (inside(x, ay, 210, 150, vesselRadius, vesselRadius)) {
            return doppler(x, ay, pulse, vesselRadius);
        }
        return grey((int) Math.max(0, Math.min(255, level)));
    }

    /** Flow towards the probe in red, strongest in the centre of the vessel and at systole. */
    private static int[] doppler(int x, double y, double pulse, double radius) {
        double fromCentre = Math.hypot(x - 210, y - 150) / radius;
        double velocity = (1 - fromCentre * fromCentre) * (0.6 + 0.4 * pulse);
        return new int[] {(int) (110 + 140 * velocity), (int) (30 + 60 * velocity * velocity), 20};
    }

    private static boolean inside(double x, double y, double cx, double cy, double rx, double ry) {
        double u = (x - cx) / rx;
        double v = (y - cy) / ry;
        return u * u + v * v <= 1;
    }

    private static int[] grey(int level) {
        return new int[] {level, level, level};
    }

    /** Rayleigh-distributed speckle, smeared sideways as a beam's lateral resolution does. */
    private static double[] speckle(Random random) {
        double[] raw = new double[ROWS * COLUMNS];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) / 1.2533;
        }
        double[] smooth = new double[raw.length];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                double sum = 0;
                for (int k = -2; k <= 2; k++) {
                    sum += raw[y * COLUMNS + Math.floorMod(x + k, COLUMNS)];
                }
                smooth[y * COLUMNS + x] = sum / 5;
            }
        }
        return smooth;
    }

    private Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("ImageType", List.of("ORIGINAL", "PRIMARY", "ABDOMINAL"));
        attributes.put("Rows", List.of(Integer.toString(ROWS)));
        attributes.put("Columns", List.of(Integer.toString(COLUMNS)));
        attributes.put("SamplesPerPixel", List.of("3"));
        attributes.put("PhotometricInterpretation", List.of("RGB"));
        attributes.put("PlanarConfiguration", List.of("0"));
        attributes.put("BitsAllocated", List.of("8"));
        attributes.put("BitsStored", List.of("8"));
        attributes.put("HighBit", List.of("7"));
        attributes.put("PixelRepresentation", List.of("0"));
        attributes.put("NumberOfFrames", List.of(Integer.toString(frames)));
        // PS3.3 C.7.6.6.1.1: the frames are spaced by Frame Time (0018,1063).
        attributes.put("FrameIncrementPointer", List.of("(0x0018,0x1063)"));
        attributes.put("FrameTime", List.of("50"));
        attributes.put("CineRate", List.of("20"));
        attributes.put("RecommendedDisplayFrameRate", List.of("20"));
        attributes.put("LossyImageCompression", List.of("00"));
        attributes.put("TransducerData", List.of("C5-2"));
        return attributes;
    }
}
