package org.lightbox.report;

import java.util.Locale;

/** The sections of a radiology report, in the order it is read. */
public enum ReportSection {
    INDICATION("Indication"),
    TECHNIQUE("Technique"),
    COMPARISON("Comparison"),
    FINDINGS("Findings"),
    IMPRESSION("Impression");

    private final String label;

    ReportSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The field name forms and messages use: "impression". */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
