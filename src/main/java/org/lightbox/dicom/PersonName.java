package org.lightbox.dicom;

import java.util.Objects;

/**
 * A DICOM person name (VR PN), already decoded to Unicode.
 *
 * <p>PS3.5 6.2.1: a value has up to three component groups separated by {@code =} (alphabetic,
 * ideographic, phonetic), each with up to five components separated by {@code ^} (family, given,
 * middle, prefix, suffix). The components here come from the alphabetic group; a name written only
 * in ideographic or phonetic form (e.g. {@code =山田^太郎}) takes them from the first non-empty group,
 * so that a patient is never shown without a name. {@code raw} keeps the whole value as stored.
 */
public record PersonName(String family, String given, String middle, String prefix, String suffix,
                         String ideographic, String phonetic, String raw) {

    private static final PersonName EMPTY = new PersonName("", "", "", "", "", "", "", "");

    public PersonName {
        Objects.requireNonNull(family);
        Objects.requireNonNull(given);
        Objects.requireNonNull(middle);
        Objects.requireNonNull(prefix);
        Objects.requireNonNull(suffix);
        Objects.requireNonNull(ideographic);
        Objects.requireNonNull(phonetic);
        Objects.requireNonNull(raw);
    }

    public static PersonName empty() {
        return EMPTY;
    }

    /** Parses a decoded PN value such as {@code MOREAU^ALICE} or {@code Yamada^Tarou=山田^太郎=やまだ^たろう}. */
    public static PersonName parse(String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        String raw = value.strip();
        String[] groups = Separated.parts(raw, '=');
        String alphabetic = groups[0];
        String ideographic = groups.length > 1 ? groups[1] : "";
        String phonetic = groups.length > 2 ? groups[2] : "";
        String named = firstNonEmpty(alphabetic, ideographic, phonetic);
        String[] parts = Separated.parts(named, '^');
        return new PersonName(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4),
                ideographic.strip(), phonetic.strip(), raw);
    }

    public boolean isEmpty() {
        return raw.isEmpty();
    }

    /** "FAMILY, Given Middle", the order a worklist shows. */
    public String displayName() {
        String givenNames = (given + " " + middle).strip();
        if (family.isEmpty()) {
            return givenNames;
        }
        return givenNames.isEmpty() ? family : family + ", " + givenNames;
    }

    private static String firstNonEmpty(String... groups) {
        for (String group : groups) {
            if (!group.replace("^", "").isBlank()) {
                return group;
            }
        }
        return "";
    }

    private static String part(String[] parts, int index) {
        return index < parts.length ? parts[index].strip() : "";
    }
}
