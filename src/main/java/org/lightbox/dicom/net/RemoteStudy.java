package org.lightbox.dicom.net;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.lightbox.dicom.PersonName;

/**
 * A study a PACS holds, as a query answers it (C-FIND at STUDY level or QIDO-RS): the attributes
 * of PS3.4 C.6.2.1.2 that a technologist needs to recognise it.
 *
 * @param dateTime   Study Date and Time; null when the PACS does not say
 * @param modalities Modalities in Study (0008,0061)
 * @param instances  Number of Study Related Instances (0020,1208); null when not returned
 */
public record RemoteStudy(String studyInstanceUid, String accessionNumber, String patientId, PersonName patientName,
                          LocalDate birthDate, LocalDateTime dateTime, String description, List<String> modalities,
                          Integer instances) {

    public RemoteStudy {
        Objects.requireNonNull(studyInstanceUid);
        Objects.requireNonNull(accessionNumber);
        Objects.requireNonNull(patientId);
        Objects.requireNonNull(patientName);
        Objects.requireNonNull(description);
        modalities = List.copyOf(modalities);
    }
}
