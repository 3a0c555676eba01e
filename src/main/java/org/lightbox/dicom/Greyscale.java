package org.lightbox.dicom;

import java.util.List;
import java.util.Objects;
import org.lightbox.dicom.DicomHeader.VoiWindow;

/**
 * Everything the grey-scale pipeline (PS3.3 C.11, PS3.4 N.2) needs to turn the stored values of one
 * instance's frames into display values: how they are stored, the modality LUT, the VOI choices the
 * file offers, padding, and whether low values are white.
 *
 * @param modalityLut         Modality LUT Sequence (0028,3000); null when the rescale applies instead
 * @param rescaleType         Rescale Type (0028,1054), e.g. "HU"; "" when absent
 * @param windows             Window Center/Width pairs in header order (C.11.2.1.2)
 * @param voiLuts             VOI LUT Sequence (0028,3010) items in header order
 * @param voiLutFunction      VOI LUT Function (0028,1056): LINEAR (the default), LINEAR_EXACT or SIGMOID
 * @param paddingValue        Pixel Padding Value (0028,0120) as a stored value; null when absent
 * @param paddingRangeLimit   Pixel Padding Range Limit (0028,0121); null when absent
 */
public record Greyscale(boolean monochrome1, boolean signed, int bitsStored, double rescaleSlope,
                        double rescaleIntercept, LookupTable modalityLut, String rescaleType, List<VoiWindow> windows,
                        List<LookupTable> voiLuts, String voiLutFunction, Integer paddingValue,
                        Integer paddingRangeLimit) {

    public Greyscale {
        windows = List.copyOf(windows);
        voiLuts = List.copyOf(voiLuts);
        rescaleType = Objects.requireNonNullElse(rescaleType, "");
        voiLutFunction = voiLutFunction == null || voiLutFunction.isBlank() ? "LINEAR" : voiLutFunction;
        if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope)) {
            rescaleSlope = 1; // a zero slope would flatten the image; PS3.3 C.11.1.1.2 gives none
        }
    }

    /** The smallest stored value Bits Stored and Pixel Representation allow. */
    public int minimumStored() {
        return signed ? -(1 << (bitsStored - 1)) : 0;
    }

    /** The largest stored value Bits Stored and Pixel Representation allow. */
    public int maximumStored() {
        return signed ? (1 << (bitsStored - 1)) - 1 : (1 << bitsStored) - 1;
    }

    /**
     * Whether a stored value is padding (C.7.5.1.1.2): equal to the padding value, or between it
     * and the range limit inclusive, in either order.
     */
    public boolean isPadding(int stored) {
        if (paddingValue == null) {
            return false;
        }
        if (paddingRangeLimit == null) {
            return stored == paddingValue;
        }
        return stored >= Math.min(paddingValue, paddingRangeLimit) && stored <= Math.max(paddingValue, paddingRangeLimit);
    }

    /** The modality value (e.g. HU) of a stored value: the modality LUT, else the rescale (C.11.1). */
    public double modalityValue(int stored) {
        return modalityLut != null ? modalityLut.lookup(stored) : stored * rescaleSlope + rescaleIntercept;
    }
}
