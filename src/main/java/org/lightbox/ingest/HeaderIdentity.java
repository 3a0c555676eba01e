package org.lightbox.ingest;

import java.time.LocalDate;
import java.util.Objects;
import org.lightbox.dicom.PersonName;

/**
 * Who the images say the patient is: Patient ID, Patient's Name, Birth Date and Sex from the DICOM
 * header, decoded from the file's character set.
 *
 * @param birthDate null when the header has none or an unreadable one
 */
public record HeaderIdentity(String patientId, PersonName name, LocalDate birthDate, String sex) {

    public HeaderIdentity {
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(sex);
    }

    /** As the header of an arriving file names its patient. */
    static HeaderIdentity of(org.lightbox.dicom.DicomHeader.Patient patient) {
        return new HeaderIdentity(patient.id(), patient.name(), patient.birthDate(), patient.sex());
    }

    /** "MOREAU, Alice (ID LB-1, born 1954-03-12)", for reasons a technologist reads. */
    public String described() {
        return displayName() + " (ID " + (patientId.isBlank() ? "none" : patientId.strip()) + ", born "
                + (birthDate == null ? "unknown" : birthDate) + ")";
    }

    public String displayName() {
        return name.isEmpty() ? "(no name)" : name.family().toUpperCase(java.util.Locale.ROOT)
                + (name.given().isEmpty() ? "" : ", " + (name.given() + " " + name.middle()).strip());
    }
}
