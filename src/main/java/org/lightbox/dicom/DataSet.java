package org.lightbox.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.StringAttributeAffectedBySpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The values of a PixelMed attribute list, decoded in their character set and typed by
 * {@link AttributeValues}. Public for the network adapters of {@code dicom.net}, which read query
 * responses the same way.
 */
public final class DataSet implements AttributeValues {

    private static final char UNDECODABLE = '\uFFFD';

    private static final Charset LATIN_9 = Charset.forName("ISO-8859-15");

    private final AttributeList list;
    private final boolean characterSetDeclared;
    private final boolean latin9;

    public static DataSet of(AttributeList list) {
        return new DataSet(list);
    }

    DataSet(AttributeList list) {
        this.list = list;
        this.characterSetDeclared = list.get(TagFromName.SpecificCharacterSet) != null
                && Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SpecificCharacterSet).strip().length() > 0;
        this.latin9 = isLatin9(list);
    }

    /**
     * ISO_IR 203 is ISO 8859-15 (Latin-9: Latin-1 with €, Š, Ž, Œ, Ÿ and their small letters),
     * added to PS3.3 C.12.1.1.2 by CP 1657. PixelMed 20220618 does not know it and decodes such
     * text as Latin-1, so these values are decoded here from their bytes. Only the single-valued
     * form is handled: ISO 2022 IR 203 with code extensions stays with PixelMed.
     */
    private static boolean isLatin9(AttributeList list) {
        try {
            Attribute declared = list.get(TagFromName.SpecificCharacterSet);
            String[] sets = declared == null ? null : declared.getStringValues();
            return sets != null && sets.length == 1 && sets[0] != null && sets[0].strip().equals("ISO_IR 203");
        } catch (DicomException e) {
            return false;
        }
    }

    @Override
    public String[] values(AttributeTag tag) {
        Attribute attribute = list.get(tag);
        if (attribute == null) {
            return new String[0];
        }
        try {
            String[] values = attribute.getStringValues();
            if (values == null) {
                return new String[0];
            }
            if (latin9 && attribute instanceof StringAttributeAffectedBySpecificCharacterSet) {
                values = decoded(attribute, LATIN_9);
            } else if (!characterSetDeclared && String.join("", values).indexOf(UNDECODABLE) >= 0) {
                // Without Specific Character Set (0008,0005) only ASCII is allowed (PS3.5 6.1.2.2), yet older
                // equipment writes Latin-1 names without declaring it. PixelMed then yields U+FFFD; Latin-1 is
                // the kinder guess, since every byte decodes and ASCII stays ASCII.
                values = decoded(attribute, StandardCharsets.ISO_8859_1);
            }
            String[] stripped = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                stripped[i] = values[i] == null ? "" : values[i].strip();
            }
            return stripped;
        } catch (DicomException | RuntimeException e) {
            return new String[0];
        }
    }

    /** The attribute's values decoded from its bytes in {@code charset}, where PixelMed's decoding is wrong. */
    private static String[] decoded(Attribute attribute, Charset charset) throws DicomException {
        return new String(attribute.getByteValues(), charset).split("\\\\", -1);
    }
}
