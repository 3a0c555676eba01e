package org.lightbox.report;

import org.lightbox.domain.Coded;

/** The status a signed version was signed with, and the FHIR DiagnosticReport status it maps onto. */
public enum VersionStatus implements Coded {
    PRELIMINARY("preliminary", "Preliminary", "preliminary"),
    FINAL("final", "Final", "final"),
    /**
     * An addendum. FHIR R4 (DiagnosticReport.status, value set report-status) names "appended" the
     * amendment that adds content while the existing content is unchanged: exactly what an addendum is.
     */
    AMENDED("amended", "Addendum", "appended");

    private final String code;
    private final String label;
    private final String fhirStatus;

    VersionStatus(String code, String label, String fhirStatus) {
        this.code = code;
        this.label = label;
        this.fhirStatus = fhirStatus;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String fhirStatus() {
        return fhirStatus;
    }

    public static VersionStatus of(String code) {
        return Coded.fromCode(VersionStatus.class, code, "Version status");
    }
}
