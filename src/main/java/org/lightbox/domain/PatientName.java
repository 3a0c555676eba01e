package org.lightbox.domain;

import java.util.Locale;

/** A patient's name as registered: family name required, given names optional. */
public record PatientName(String family, String given) {
    public PatientName {
        family = Text.required(family, "Family name", 64);
        given = Text.optional(given, "Given name", 64);
        // '^' and '=' separate name components in DICOM Person Name (PS3.5 6.2.1); they cannot be part of one.
        if ((family + given).matches(".*[\\^=\\\\].*")) {
            throw new InvalidValueException("A name cannot contain ^, = or \\");
        }
    }

    /** "MOREAU, Alice" -- family name in capitals, as reading rooms show it. */
    public String display() {
        return given.isEmpty() ? family.toUpperCase(Locale.ROOT) : family.toUpperCase(Locale.ROOT) + ", " + given;
    }

    /** Same person name ignoring case, accents and spacing, for duplicate and identity checks. */
    public boolean sameAs(PatientName other) {
        return normalized(family).equals(normalized(other.family)) && normalized(given).equals(normalized(other.given));
    }

    private static String normalized(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
