package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/**
 * An attribute list that refuses a value longer than the file it comes from. PixelMed allocates a
 * value's bytes before reading them, so one flipped bit in a length field of a 100 KB file could
 * otherwise ask for a gigabyte. PixelMed only consults this check for top-level attributes; the
 * values inside sequences are short in practice.
 */
final class BoundedAttributeList extends AttributeList {

    private static final long UNDEFINED_LENGTH = 0xffffffffL;

    private final long maximumValueLength;

    /** @param maximumValueLength the longest value the source can hold, e.g. its size in bytes */
    BoundedAttributeList(long maximumValueLength) {
        this.maximumValueLength = maximumValueLength;
    }

    @Override
    protected void checkSanityOfValueLength(long valueLength, byte[] vr, AttributeTag tag,
                                            boolean encounteredIncorrectImplicitVRElementEncodingInExplicitVR)
            throws DicomException {
        super.checkSanityOfValueLength(valueLength, vr, tag, encounteredIncorrectImplicitVRElementEncodingInExplicitVR);
        if (valueLength != UNDEFINED_LENGTH && valueLength > maximumValueLength) {
            throw new DicomException("value length " + valueLength + " of " + tag + " is longer than the file");
        }
    }
}
