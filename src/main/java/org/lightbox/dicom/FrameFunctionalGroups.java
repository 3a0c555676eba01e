package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import org.lightbox.dicom.DicomHeader.VoiWindow;

/**
 * The rescale and window of each frame of an enhanced multi-frame image (PS3.3 C.7.6.16), which
 * keeps them not at the top level but in functional groups: Pixel Value Transformation
 * (C.7.6.16.2.9) and Frame VOI LUT (C.7.6.16.2.10), shared by all frames or given per frame, the
 * per-frame one winning. Without either, a frame's grey-scale is the instance's.
 */
final class FrameFunctionalGroups {
    private final AttributeList shared;
    private final SequenceAttribute perFrame;

    private FrameFunctionalGroups(AttributeList shared, SequenceAttribute perFrame) {
        this.shared = shared;
        this.perFrame = perFrame;
    }

    static FrameFunctionalGroups of(AttributeList list) {
        AttributeList shared = list.get(TagFromName.SharedFunctionalGroupsSequence) instanceof SequenceAttribute s
                && s.getNumberOfItems() > 0 ? s.getItem(0).getAttributeList() : null;
        SequenceAttribute perFrame = list.get(TagFromName.PerFrameFunctionalGroupsSequence) instanceof SequenceAttribute s
                ? s : null;
        return new FrameFunctionalGroups(shared, perFrame);
    }

    /** Frame {@code frame}'s grey-scale (from 0): the instance's with what the functional groups say for the frame. */
    Greyscale greyscale(Greyscale instance, int frame) {
        AttributeList transformation = macro(frame, TagFromName.PixelValueTransformationSequence);
        AttributeList voi = macro(frame, TagFromName.FrameVOILUTSequence);
        if (transformation == null && voi == null) {
            return instance;
        }
        double slope = instance.rescaleSlope();
        double intercept = instance.rescaleIntercept();
        String type = instance.rescaleType();
        if (transformation != null) {
            DataSet t = new DataSet(transformation);
            slope = t.decimal(TagFromName.RescaleSlope, slope);
            intercept = t.decimal(TagFromName.RescaleIntercept, intercept);
            type = t.has(TagFromName.RescaleType) ? t.text(TagFromName.RescaleType) : type;
        }
        List<VoiWindow> windows = instance.windows();
        String function = instance.voiLutFunction();
        if (voi != null) {
            DataSet v = new DataSet(voi);
            windows = DicomHeaderReader.windows(v);
            function = v.has(TagFromName.VOILUTFunction) ? v.text(TagFromName.VOILUTFunction) : function;
        }
        // A Modality LUT would outrank the rescale; enhanced images carry none, so the rescale read here applies.
        return new Greyscale(instance.monochrome1(), instance.signed(), instance.bitsStored(), slope, intercept,
                transformation != null ? null : instance.modalityLut(), type, windows, instance.voiLuts(), function,
                instance.paddingValue(), instance.paddingRangeLimit());
    }

    /** The first item of a functional group macro for the frame: its own, else the shared one; null when neither has it. */
    private AttributeList macro(int frame, AttributeTag tag) {
        if (perFrame != null && frame < perFrame.getNumberOfItems()) {
            AttributeList own = firstItem(perFrame.getItem(frame).getAttributeList(), tag);
            if (own != null) {
                return own;
            }
        }
        return shared == null ? null : firstItem(shared, tag);
    }

    private static AttributeList firstItem(AttributeList group, AttributeTag tag) {
        return group.get(tag) instanceof SequenceAttribute s && s.getNumberOfItems() > 0
                ? s.getItem(0).getAttributeList() : null;
    }
}
