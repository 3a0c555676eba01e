package org.lightbox.ingest;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.lightbox.request.Patient;

/**
 * The images' patient against the request's patient. Names are compared without regard to case,
 * accents and spacing (a modality keyboard often lacks them); Patient ID and birth date exactly.
 * An absent birth date in the header differs from any registered one: unknown is not a match.
 */
public record IdentityComparison(HeaderIdentity images, Patient registered, Set<IdentityField> differences) {

    public IdentityComparison {
        differences = differences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(differences));
    }

    public static IdentityComparison of(HeaderIdentity images, Patient registered) {
        Set<IdentityField> differences = EnumSet.noneOf(IdentityField.class);
        if (!images.patientId().strip().equals(registered.mrn().value())) {
            differences.add(IdentityField.PATIENT_ID);
        }
        if (!sameName(images, registered)) {
            differences.add(IdentityField.NAME);
        }
        if (images.birthDate() == null || !images.birthDate().equals(registered.birthDate())) {
            differences.add(IdentityField.BIRTH_DATE);
        }
        return new IdentityComparison(images, registered, differences);
    }

    public boolean agrees() {
        return differences.isEmpty();
    }

    public boolean differs(IdentityField field) {
        return differences.contains(field);
    }

    /** "Patient ID / MRN, Birth date" */
    public String differencesText() {
        return EnumSet.copyOf(differences.isEmpty() ? EnumSet.noneOf(IdentityField.class) : differences).stream()
                .map(IdentityField::label).collect(Collectors.joining(", "));
    }

    private static boolean sameName(HeaderIdentity images, Patient registered) {
        String imageGiven = (images.name().given() + " " + images.name().middle()).strip();
        return normalized(images.name().family()).equals(normalized(registered.name().family()))
                && normalized(imageGiven).equals(normalized(registered.name().given()));
    }

    /** Case, accents, spacing and the Greek final sigma do not make another person. */
    private static String normalized(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
