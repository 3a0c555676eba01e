package org.lightbox.dicom.sample;

import java.time.LocalDate;

/**
 * A made-up patient of the demo studies.
 *
 * @param dicomName            the name as a DICOM PN value, e.g. {@code MOREAU^ALICE}
 * @param specificCharacterSet the (0008,0005) value the name needs, e.g. {@code ISO_IR 126} for Greek
 */
public record DemoPatient(String mrn, String dicomName, String specificCharacterSet, LocalDate birthDate, String sex) {
}
