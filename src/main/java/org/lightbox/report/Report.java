package org.lightbox.report;

import java.time.Instant;

/** The report of one imaging request: its working text while unsigned, its status, and who wrote and reviews it. */
public record Report(
        String id,
        String requestId,
        String studyId,
        String authorId,
        String reviewerId,
        ReportStatus status,
        ReportSections sections,
        boolean critical,
        Instant draftSavedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static final String CLASS_NAME = "Report";

    Report withText(ReportSections newSections, boolean newCritical, Instant savedAt) {
        return new Report(id, requestId, studyId, authorId, reviewerId, status, newSections, newCritical, savedAt, createdAt,
                savedAt);
    }

    Report withStatus(ReportStatus newStatus, String newReviewerId, Instant at) {
        return new Report(id, requestId, studyId, authorId, newReviewerId, newStatus, sections, critical, draftSavedAt, createdAt,
                at);
    }

    /** The report as one who may not read unsigned text sees it: who has it and where it stands, no words. */
    Report withoutWorkingText() {
        return new Report(id, requestId, studyId, authorId, reviewerId, status, ReportSections.EMPTY, false, draftSavedAt, createdAt,
                updatedAt);
    }

    Report withStudy(String newStudyId, Instant at) {
        return new Report(id, requestId, newStudyId, authorId, reviewerId, status, sections, critical, draftSavedAt, createdAt, at);
    }

    Report withAuthor(String newAuthorId, Instant at) {
        return new Report(id, requestId, studyId, newAuthorId, reviewerId, status, sections, critical, draftSavedAt, createdAt, at);
    }
}
