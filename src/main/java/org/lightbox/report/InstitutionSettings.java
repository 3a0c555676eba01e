package org.lightbox.report;

/** The institution named at the head of every report that leaves the workstation (PDF, FHIR). */
public record InstitutionSettings(String name) {
    public static final String KEY = "report.institution";
    /** None given: the header names the request's imaging center, as before the setting existed. */
    public static final InstitutionSettings DEFAULTS = new InstitutionSettings("");

    public InstitutionSettings {
        name = name == null ? "" : name.strip();
    }

    /** The header: this institution, or {@code fallback} when none was given. */
    public String headerOr(String fallback) {
        return name.isEmpty() ? fallback : name;
    }
}
