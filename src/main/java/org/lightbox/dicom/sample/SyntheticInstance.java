package org.lightbox.dicom.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DICOM instance to be written: its attributes by DICOM keyword (PS3.6, e.g. {@code PatientName},
 * {@code WindowCenter}) with their values as DICOM strings, and its pixels. Keywords keep callers
 * free of PixelMed and read like the standard.
 *
 * <p>An empty value list writes a zero-length attribute (Type 2: present, value unknown). Strings
 * are written in the character set named by {@code SpecificCharacterSet}, if given.
 */
public record SyntheticInstance(Map<String, List<String>> attributes, PixelPayload pixels) {

    public SyntheticInstance {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((keyword, values) -> copy.put(Objects.requireNonNull(keyword), List.copyOf(values)));
        attributes = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(pixels);
    }

    /** The first value of an attribute, or null if it is absent or empty. */
    public String value(String keyword) {
        List<String> values = attributes.get(keyword);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
