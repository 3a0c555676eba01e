package org.lightbox.dicom.sample;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link SyntheticInstance} as a DICOM Part 10 file with PixelMed, in one of the
 * uncompressed transfer syntaxes (compressed ones come from dcmtk, see {@link DcmtkTranscoder}).
 */
public final class SyntheticInstanceWriter {

    /** The syntaxes PixelMed can write from uncompressed pixels. */
    public static final Set<String> WRITABLE_SYNTAXES = Set.of(TransferSyntax.ExplicitVRLittleEndian,
            TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.DeflatedExplicitVRLittleEndian);

    private static final String SOURCE_AE_TITLE = "LIGHTBOX";

    private final DicomDictionary dictionary = AttributeList.getDictionary();

    /**
     * @throws IllegalArgumentException for an unknown keyword, a value that does not fit its VR, or
     *                                  a syntax outside {@link #WRITABLE_SYNTAXES}
     */
    public void write(SyntheticInstance instance, String transferSyntaxUid, Path file) throws IOException {
        if (!WRITABLE_SYNTAXES.contains(transferSyntaxUid)) {
            throw new IllegalArgumentException("cannot write transfer syntax " + transferSyntaxUid
                    + " from uncompressed pixels; write " + TransferSyntax.ExplicitVRLittleEndian + " and transcode");
        }
        AttributeList list = attributes(instance);
        try {
            list.putAll(new FileMetaInformation(metaValue(instance, "MediaStorageSOPClassUID", "SOPClassUID"),
                    metaValue(instance, "MediaStorageSOPInstanceUID", "SOPInstanceUID"), transferSyntaxUid,
                    SOURCE_AE_TITLE).getAttributeList());
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            list.write(file.toFile(), transferSyntaxUid, true, true);
        } catch (DicomException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The meta header names the instance it carries (PS3.10 7.1); an explicit Media Storage value
     * wins, so that a test can make a file whose data set lacks its own SOP Instance UID.
     */
    private static String metaValue(SyntheticInstance instance, String metaKeyword, String dataSetKeyword) {
        String explicit = instance.value(metaKeyword);
        return explicit != null ? explicit : instance.value(dataSetKeyword);
    }

    private AttributeList attributes(SyntheticInstance instance) {
        List<String> charsetValues = instance.attributes().get("SpecificCharacterSet");
        SpecificCharacterSet charset = charsetValues == null || charsetValues.isEmpty()
                ? null : new SpecificCharacterSet(charsetValues.toArray(String[]::new));
        AttributeList list = new AttributeList();
        for (Map.Entry<String, List<String>> entry : instance.attributes().entrySet()) {
            list.put(attribute(entry.getKey(), entry.getValue(), charset));
        }
        try {
            if (instance.pixels().words() != null) {
                OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
                pixelData.setValues(instance.pixels().words());
                list.put(pixelData);
            } else if (instance.pixels().bytes() != null) {
                OtherByteAttribute pixelData = new OtherByteAttribute(TagFromName.PixelData);
                pixelData.setValues(instance.pixels().bytes());
                list.put(pixelData);
            }
        } catch (DicomException e) {
            throw new IllegalArgumentException("cannot set pixel data: " + e.getMessage(), e);
        }
        return list;
    }

    private Attribute attribute(String keyword, List<String> values, SpecificCharacterSet charset) {
        AttributeTag tag = dictionary.getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalArgumentException("unknown DICOM keyword: " + keyword);
        }
        try {
            Attribute attribute = AttributeFactory.newAttribute(tag, dictionary.getValueRepresentationFromTag(tag), charset);
            for (String value : values) {
                attribute.addValue(value);
            }
            return attribute;
        } catch (DicomException | RuntimeException e) {
            throw new IllegalArgumentException("cannot set " + keyword + " to " + values + ": " + e.getMessage(), e);
        }
    }
}
