package org.lightbox.domain;

import java.util.regex.Pattern;

/**
 * Accession number: identifies one imaging request across RIS, PACS and the images themselves.
 * At most 16 characters because it travels in DICOM Accession Number, an SH (PS3.5 6.2).
 */
public record Accession(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

    public Accession {
        value = Text.required(value, "Accession number", 16);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("Accession number may hold only letters, digits and '-' (\"" + value + "\")");
        }
    }

    public static Accession of(String raw) {
        return new Accession(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
