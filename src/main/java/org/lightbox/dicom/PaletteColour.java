package org.lightbox.dicom;

import static org.lightbox.dicom.DicomReadException.Reason.UNDECODABLE_PIXELS;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;

/** The three lookup tables of a PALETTE COLOR image (PS3.3 C.7.6.3.1.5, C.7.9), to 8-bit RGB. */
final class PaletteColour {
    /** Segmented Red Palette Color Lookup Table Data (0028,1221), absent from PixelMed's TagFromName. */
    private static final AttributeTag SEGMENTED_RED_DATA = new AttributeTag(0x0028, 0x1221);
    private final int first;
    private final int[] red;
    private final int[] green;
    private final int[] blue;

    private PaletteColour(int first, int[] red, int[] green, int[] blue) {
        this.first = first;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    static PaletteColour read(Path file, AttributeList list) throws DicomReadException, DicomException {
        if (list.get(SEGMENTED_RED_DATA) != null) {
            throw new DicomReadException(file, UNDECODABLE_PIXELS, "segmented palette colour tables are not displayable here");
        }
        int[] descriptor = Attribute.getIntegerValues(list, TagFromName.RedPaletteColorLookupTableDescriptor);
        if (descriptor == null || descriptor.length != 3) {
            throw new DicomReadException(file, DicomReadException.Reason.MISSING_ATTRIBUTE,
                    "a palette colour image without its Red Palette Color Lookup Table Descriptor (0028,1101)");
        }
        int entries = descriptor[0] == 0 ? 0x10000 : descriptor[0];
        return new PaletteColour(descriptor[1], channel(file, list, TagFromName.RedPaletteColorLookupTableData, entries),
                channel(file, list, TagFromName.GreenPaletteColorLookupTableData, entries),
                channel(file, list, TagFromName.BluePaletteColorLookupTableData, entries));
    }

    /** Entries are 16-bit (the descriptor's third value); an 8-bit table keeps every value below 256. */
    private static int[] channel(Path file, AttributeList list, AttributeTag tag, int entries)
            throws DicomReadException, DicomException {
        Attribute data = list.get(tag);
        if (data == null) {
            throw new DicomReadException(file, DicomReadException.Reason.MISSING_ATTRIBUTE,
                    "a palette colour image without its " + tag + " table");
        }
        short[] words = data.getShortValues();
        int[] values = new int[Math.min(entries, words.length)];
        int max = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = words[i] & 0xffff;
            max = Math.max(max, values[i]);
        }
        if (max > 255) {
            for (int i = 0; i < values.length; i++) {
                values[i] >>= 8;
            }
        }
        return values;
    }

    int[] apply(int[] indices) {
        int[] rgb = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = Math.max(0, Math.min(red.length - 1, indices[i] - first));
            rgb[i] = red[index] << 16 | green[index] << 8 | blue[index];
        }
        return rgb;
    }
}
