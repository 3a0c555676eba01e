package org.lightbox.request;

import java.time.LocalDate;
import org.lightbox.domain.Mrn;
import org.lightbox.domain.PatientName;
import org.lightbox.domain.Sex;

/** A registered patient; the MRN is the identifier. */
public record Patient(String id, Mrn mrn, PatientName name, LocalDate birthDate, Sex sex) {
}
