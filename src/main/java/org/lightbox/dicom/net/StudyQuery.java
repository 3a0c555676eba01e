package org.lightbox.dicom.net;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What to look for on a PACS at study level. Empty fields match everything (universal matching,
 * PS3.4 C.2.2.2.3); {@code *} and {@code ?} are wildcards in the patient name (C.2.2.2.4). The study
 * dates, either of them null for an open end, are a range match on Study Date (C.2.2.2.5).
 */
public record StudyQuery(String patientId, String patientName, String accessionNumber, String studyInstanceUid,
                         LocalDate studiedFrom, LocalDate studiedTo) {
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    public StudyQuery {
        patientId = clean(patientId);
        patientName = clean(patientName);
        accessionNumber = clean(accessionNumber);
        studyInstanceUid = clean(studyInstanceUid);
        if (studiedFrom != null && studiedTo != null && studiedTo.isBefore(studiedFrom)) {
            throw new IllegalArgumentException("The study date range ends (" + studiedTo + ") before it starts ("
                    + studiedFrom + ")");
        }
    }

    public StudyQuery(String patientId, String patientName, String accessionNumber, String studyInstanceUid) {
        this(patientId, patientName, accessionNumber, studyInstanceUid, null, null);
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
        return patientId.isEmpty() && patientName.isEmpty() && accessionNumber.isEmpty() && studyInstanceUid.isEmpty()
                && studiedFrom == null && studiedTo == null;
    }

    /** Study Date as a DA range, "20240101-20241231", "20240101-" or "-20241231"; empty for any date. */
    public String studyDateRange() {
        if (studiedFrom == null && studiedTo == null) {
            return "";
        }
        return (studiedFrom == null ? "" : DA.format(studiedFrom)) + "-" + (studiedTo == null ? "" : DA.format(studiedTo));
    }

    private static String clean(String value) {
        return Objects.requireNonNullElse(value, "").strip();
    }
}
