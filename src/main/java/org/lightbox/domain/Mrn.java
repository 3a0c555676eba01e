package org.lightbox.domain;

import java.util.regex.Pattern;

/**
 * Medical record number, the patient's identifier. Letters, digits and '-' only, so that it survives
 * every system it travels through; at most 64 characters (DICOM Patient ID is LO, PS3.5 6.2).
 */
public record Mrn(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    public Mrn {
        value = Text.required(value, "MRN", 64);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("MRN may hold only letters, digits and '-' (\"" + value + "\")");
        }
    }

    public static Mrn of(String raw) {
        return new Mrn(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
