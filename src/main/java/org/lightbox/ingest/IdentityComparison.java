package org.lightbox.ingest;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lightbox.dicom.PersonName;
import org.lightbox.request.Patient;

/**
 * The images' patient against the request's patient. Names are compared without regard to case,
 * accents and spacing (a modality keyboard often lacks them); Patient ID and birth date exactly.
 * An absent birth date in the header differs from any registered one: unknown is not a match.
 */
public record IdentityComparison(HeaderIdentity images, Patient registered, Set<IdentityField> differences) {

    /** Compiled once: indexing compares a name for every file of a study already indexed. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public IdentityComparison {
        differences = differences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(differences));
    }

    public static IdentityComparison of(HeaderIdentity images, Patient registered) {
        Set<IdentityField> differences = EnumSet.noneOf(IdentityField.class);
        if (!images.patientId().strip().equals(registered.mrn().value())) {
            differences.add(IdentityField.PATIENT_ID);
        }
        if (!sameName(images.name(), registered.name().family(), registered.name().given())) {
            differences.add(IdentityField.NAME);
        }
        if (images.birthDate() == null || !images.birthDate().equals(registered.birthDate())) {
            differences.add(IdentityField.BIRTH_DATE);
        }
        return new IdentityComparison(images, registered, differences);
    }

    /**
     * Where two headers name different patients, by the same rules; here two absent birth dates do
     * agree, since both files say the same thing.
     */
    static Set<IdentityField> between(HeaderIdentity indexed, HeaderIdentity arriving) {
        Set<IdentityField> differences = EnumSet.noneOf(IdentityField.class);
        if (indexed.equals(arriving)) {
            return differences; // the usual case, asked for every file of a study: no names to normalise
        }
        if (!indexed.patientId().strip().equals(arriving.patientId().strip())) {
            differences.add(IdentityField.PATIENT_ID);
        }
        if (!sameName(arriving.name(), indexed.name().family(), givenNames(indexed.name()))) {
            differences.add(IdentityField.NAME);
        }
        if (!Objects.equals(indexed.birthDate(), arriving.birthDate())) {
            differences.add(IdentityField.BIRTH_DATE);
        }
        return differences;
    }

    /** "Patient ID / MRN, Birth date" */
    static String text(Set<IdentityField> differences) {
        return EnumSet.copyOf(differences.isEmpty() ? EnumSet.noneOf(IdentityField.class) : differences).stream()
                .map(IdentityField::label).collect(Collectors.joining(", "));
    }

    public boolean agrees() {
        return differences.isEmpty();
    }

    public boolean differs(IdentityField field) {
        return differences.contains(field);
    }

    /** "Patient ID / MRN, Birth date" */
    public String differencesText() {
        return text(differences);
    }

    private static boolean sameName(PersonName images, String family, String given) {
        return normalized(images.family()).equals(normalized(family)) && normalized(givenNames(images)).equals(normalized(given));
    }

    private static String givenNames(PersonName name) {
        return (name.given() + " " + name.middle()).strip();
    }

    /** Case, accents, spacing and the Greek final sigma do not make another person. */
    private static String normalized(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
