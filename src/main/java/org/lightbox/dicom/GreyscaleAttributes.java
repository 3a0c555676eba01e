package org.lightbox.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@link Greyscale} of an instance: modality LUT (PS3.3 C.11.1), VOI (C.11.2), padding (C.7.5.1.1.2). */
final class GreyscaleAttributes {
    /** Modality LUT Sequence (0028,3000); PixelMed's dictionary names it but TagFromName does not. */
    private static final AttributeTag MODALITY_LUT_SEQUENCE = new AttributeTag(0x0028, 0x3000);
    private GreyscaleAttributes() {
    }

    static Greyscale read(DataSet data, AttributeList list, DicomHeader header, String photometric) {
        DicomHeader.PixelEncoding pixels = header.pixels();
        boolean signed = pixels.isSigned();
        int bitsStored = Math.max(1, Math.min(16, pixels.bitsStored()));
        List<LookupTable> modality = luts(list, MODALITY_LUT_SEQUENCE, signed);
        return new Greyscale("MONOCHROME1".equals(photometric), signed, bitsStored, pixels.rescaleSlope(),
                pixels.rescaleIntercept(), modality.isEmpty() ? null : modality.get(0), data.text(TagFromName.RescaleType),
                pixels.windows(), luts(list, TagFromName.VOILUTSequence, signed), data.text(TagFromName.VOILUTFunction),
                stored(list, TagFromName.PixelPaddingValue, signed), stored(list, TagFromName.PixelPaddingRangeLimit, signed));
    }

    /** A US-or-SS value (its VR follows Pixel Representation) as a stored pixel value. */
    private static Integer stored(AttributeList list, AttributeTag tag, boolean signed) {
        int[] values = Attribute.getIntegerValues(list, tag);
        if (values == null || values.length == 0) {
            return null;
        }
        int value = values[0];
        return signed && value > Short.MAX_VALUE ? value - 0x10000 : value;
    }

    private static List<LookupTable> luts(AttributeList list, AttributeTag sequenceTag, boolean signed) {
        List<LookupTable> tables = new ArrayList<>();
        if (!(list.get(sequenceTag) instanceof SequenceAttribute sequence)) {
            return tables;
        }
        for (int i = 0; i < sequence.getNumberOfItems(); i++) {
            LookupTable table = lut(sequence.getItem(i).getAttributeList(), signed);
            if (table != null) {
                tables.add(table);
            }
        }
        return tables;
    }

    /**
     * LUT Descriptor (PS3.3 C.11.1.1.1): number of entries (0 means 65536), first stored value
     * mapped (US or SS like the pixels), bits per entry; LUT Data as US or OW words.
     */
    private static LookupTable lut(AttributeList item, boolean signed) {
        int[] descriptor = Attribute.getIntegerValues(item, TagFromName.LUTDescriptor);
        Attribute data = item.get(TagFromName.LUTData);
        if (descriptor == null || descriptor.length != 3 || data == null) {
            return null;
        }
        try {
            int[] entries = entries(data);
            int declared = descriptor[0] == 0 ? 0x10000 : descriptor[0];
            if (entries.length == 0 || entries.length < declared) {
                return null;
            }
            int first = signed && descriptor[1] > Short.MAX_VALUE ? descriptor[1] - 0x10000 : descriptor[1];
            int bits = Math.max(1, Math.min(16, descriptor[2]));
            String explanation = Attribute.getSingleStringValueOrEmptyString(item, TagFromName.LUTExplanation).strip();
            return new LookupTable(first, bits, java.util.Arrays.copyOf(entries, declared), explanation);
        } catch (DicomException e) {
            return null;
        }
    }

    private static int[] entries(Attribute data) throws DicomException {
        if ("OW".equals(data.getVRAsString())) {
            short[] words = data.getShortValues();
            int[] entries = new int[words.length];
            for (int i = 0; i < words.length; i++) {
                entries[i] = words[i] & 0xffff;
            }
            return entries;
        }
        int[] values = data.getIntegerValues();
        int[] entries = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            entries[i] = values[i] & 0xffff;
        }
        return entries;
    }
}
