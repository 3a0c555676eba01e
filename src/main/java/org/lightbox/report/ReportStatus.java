package org.lightbox.report;

import org.lightbox.domain.Coded;

/**
 * Where a report is in its life: draft -> in_review -> final, or draft -> final for a radiologist
 * who may sign alone; a final report changes only by addenda, which make it amended.
 */
public enum ReportStatus implements Coded {
    DRAFT("draft", "Draft"),
    IN_REVIEW("in_review", "In review"),
    FINAL("final", "Final"),
    AMENDED("amended", "Amended");

    private final String code;
    private final String label;

    ReportStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Someone may still change the working text (the author of a draft, the reviewer of a preliminary report). */
    public boolean isWorkingCopy() {
        return this == DRAFT || this == IN_REVIEW;
    }

    /** Final or amended: the text is frozen and only an addendum adds to it. */
    public boolean isSigned() {
        return this == FINAL || this == AMENDED;
    }

    public static ReportStatus of(String code) {
        return Coded.fromCode(ReportStatus.class, code, "Report status");
    }
}
