package org.lightbox.dicom.net;

import java.util.Objects;

/**
 * What to look for on a PACS at study level. Empty fields match everything (universal matching,
 * PS3.4 C.2.2.2.3); {@code *} and {@code ?} are wildcards in the patient name (C.2.2.2.4).
 */
public record StudyQuery(String patientId, String patientName, String accessionNumber, String studyInstanceUid) {

    public StudyQuery {
        patientId = clean(patientId);
        patientName = clean(patientName);
        accessionNumber = clean(accessionNumber);
        studyInstanceUid = clean(studyInstanceUid);
    }

    public static StudyQuery byPatientId(String patientId) {
        return new StudyQuery(patientId, "", "", "");
    }

    public static StudyQuery byAccession(String accessionNumber) {
        return new StudyQuery("", "", accessionNumber, "");
    }

    public static StudyQuery byStudyUid(String studyInstanceUid) {
        return new StudyQuery("", "", "", studyInstanceUid);
    }

    public boolean isEmpty() {
        return patientId.isEmpty() && patientName.isEmpty() && accessionNumber.isEmpty() && studyInstanceUid.isEmpty();
    }

    private static String clean(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }
}
