package org.lightbox.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;

/** One row of the worklist pane: a request with its patient, its reading state and its studies. */
public record WorklistEntry(
        String requestId,
        String accession,
        Priority priority,
        RequestStatus status,
        String patientName,
        String mrn,
        ModalityType modality,
        String description,
        Instant orderedAt,
        Instant scheduledAt,
        Instant performedAt,
        Instant dueAt,
        String assigneeId,
        String assigneeName,
        String lockHolderId,
        String lockHolderName,
        Instant lockExpiresAt,
        boolean likelyDuplicate,
        int studyCount,
        /**
         * A signed version of the report (preliminary, final or addendum) records that a critical
         * result was communicated: who was told, how and when. The row stands out from then on,
         * released or not, as the report itself carries it. A ticked "critical" box in an unsigned
         * draft does not count: nobody has been told yet as far as the record goes.
         */
        boolean critical,
        /** The report is preliminary, waiting for its reviewer to finalize it. */
        boolean inReview,
        String reviewerId,
        String reviewerName) {
    /** How close to its due time a study turns amber on the worklist. */
    public static final Duration DUE_SOON = Duration.ofMinutes(30);


    /** What the search box looks in: patient name, MRN and accession, lower case. */
    String searchText() {
        return (patientName + " " + mrn + " " + accession).toLowerCase(Locale.ROOT);
    }

    /** The moment the date-range filter looks at: when it was performed, else scheduled, else ordered. */
    public Instant activityAt() {
        return performedAt != null ? performedAt : scheduledAt != null ? scheduledAt : orderedAt;
    }

    /** Who is reading it now, or null when nobody holds an unexpired lock. */
    public String readerAt(Instant now) {
        return lockHolderId != null && lockExpiresAt != null && lockExpiresAt.isAfter(now) ? lockHolderName : null;
    }

    /** A preliminary report waiting for {@code actor}: its reviewer, or an administrator who may finalize any. */
    public boolean awaitsReviewBy(Actor actor) {
        return inReview && (actor.userId() != null && actor.userId().equals(reviewerId) || actor.can(Permission.FINALIZE_ANY_REPORT));
    }

    /** What the status column says: the request's status, or who is to review its preliminary report. */
    public String statusText() {
        String text = inReview ? "In review · " + reviewerName : status.label();
        return critical ? text + " · CRITICAL" : text;
    }

    public boolean isOverdueAt(Instant now) {
        return dueAt != null && status.awaitsReading() && dueAt.isBefore(now);
    }

    /** Due within {@link #DUE_SOON} and not overdue yet: the reading room's amber. */
    public boolean isDueSoonAt(Instant now) {
        return dueAt != null && status.awaitsReading() && !dueAt.isBefore(now) && dueAt.isBefore(now.plus(DUE_SOON));
    }
}
