package org.lightbox.dicom.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Spin-echo MR images of a phantom, 12 bits stored in 16. Magnitude images carry Rician noise
 * (the absolute value of complex Gaussian noise), which keeps the background from being a flat
 * black that no real MR image has.
 */
final class MrSlices implements ImageSource {

    /** The sequence behind a contrast, as written in the MR Image module (PS3.3 C.8.3.1). */
    enum Weighting {
        PROTON_DENSITY(Tissue::protonDensitySignal, "2800", "30", "7"),
        T1(Tissue::t1Signal, "550", "12", "3");

        private final ToDoubleFunction<Tissue> signal;
        private final String repetitionTime;
        private final String echoTime;
        private final String echoTrainLength;

        Weighting(ToDoubleFunction<Tissue> signal, String repetitionTime, String echoTime, String echoTrainLength) {
            this.signal = signal;
            this.repetitionTime = repetitionTime;
            this.echoTime = echoTime;
            this.echoTrainLength = echoTrainLength;
        }
    }

    private final TissuePhantom phantom;
    private final SliceStack stack;
    private final Weighting weighting;
    private final double noise;
    private final long seed;

    MrSlices(TissuePhantom phantom, SliceStack stack, Weighting weighting, double noise, long seed) {
        this.phantom = phantom;
        this.stack = stack;
        this.weighting = weighting;
        this.noise = noise;
        this.seed = seed;
    }

    @Override
    public int count() {
        return stack.count();
    }

    @Override
    public SampleImage image(int index) {
        double[] signal = stack.sample(phantom, index, weighting.signal);
        Random random = new Random(seed * 1000 + index);
        short[] stored = new short[signal.length];
        for (int i = 0; i < stored.length; i++) {
            double real = signal[i] + random.nextGaussian() * noise;
            double imaginary = random.nextGaussian() * noise;
            stored[i] = (short) Math.min(4095, Math.round(Math.hypot(real, imaginary)));
        }
        return new SampleImage(attributes(index), PixelPayload.words(stored));
    }

    private Map<String, List<String>> attributes(int index) {
        Map<String, List<String>> attributes = new LinkedHashMap<>(stack.planeAttributes(index));
        attributes.put("ImageType", List.of("ORIGINAL", "PRIMARY", "M", "ND"));
        attributes.put("SamplesPerPixel", List.of("1"));
        attributes.put("PhotometricInterpretation", List.of("MONOCHROME2"));
        attributes.put("BitsAllocated", List.of("16"));
        attributes.put("BitsStored", List.of("12"));
        attributes.put("HighBit", List.of("11"));
        attributes.put("PixelRepresentation", List.of("0"));
        attributes.put("WindowCenter", List.of("800"));
        attributes.put("WindowWidth", List.of("1600"));
        attributes.put("ScanningSequence", List.of("SE"));
        attributes.put("SequenceVariant", List.of("SK"));
        attributes.put("ScanOptions", List.of("PFP"));
        attributes.put("MRAcquisitionType", List.of("2D"));
        attributes.put("RepetitionTime", List.of(weighting.repetitionTime));
        attributes.put("EchoTime", List.of(weighting.echoTime));
        attributes.put("EchoTrainLength", List.of(weighting.echoTrainLength));
        attributes.put("MagneticFieldStrength", List.of("1.5"));
        attributes.put("ImagingFrequency", List.of("63.87"));
        attributes.put("ReceiveCoilName", List.of("KNEE"));
        attributes.put("AcquisitionNumber", List.of("1"));
        return attributes;
    }
}
