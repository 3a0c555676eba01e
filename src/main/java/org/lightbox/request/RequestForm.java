package org.lightbox.request;

import java.time.LocalDateTime;

/**
 * A new imaging request as typed into the intake form: raw text, validated by {@link RequestIntake}.
 * Field names are the keys of the {@link org.lightbox.domain.FieldError}s it reports.
 */
public record RequestForm(
        String mrn,
        String familyName,
        String givenName,
        String birthDate,
        String sex,
        String accession,
        String orderingClinician,
        String priority,
        String modality,
        String description,
        String clinicalIndication,
        String imagingCenterId,
        String scheduledModalityId,
        LocalDateTime scheduledAt) {

    public static final String MRN = "mrn";
    public static final String FAMILY_NAME = "familyName";
    public static final String GIVEN_NAME = "givenName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String SEX = "sex";
    public static final String ACCESSION = "accession";
    public static final String ORDERING_CLINICIAN = "orderingClinician";
    public static final String PRIORITY = "priority";
    public static final String MODALITY = "modality";
    public static final String DESCRIPTION = "description";
    public static final String CLINICAL_INDICATION = "clinicalIndication";
    public static final String IMAGING_CENTER = "imagingCenterId";
    public static final String SCHEDULED_MODALITY = "scheduledModalityId";
    public static final String SCHEDULED_AT = "scheduledAt";
}
