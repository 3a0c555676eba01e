package org.lightbox.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.lightbox.domain.ModalityType;
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
        /** The report is flagged as a critical result: the row stands out until the report is released. */
        boolean critical) {
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

    public boolean isOverdueAt(Instant now) {
        return dueAt != null && status.awaitsReading() && dueAt.isBefore(now);
    }

    /** Due within {@link #DUE_SOON} and not overdue yet: the reading room's amber. */
    public boolean isDueSoonAt(Instant now) {
        return dueAt != null && status.awaitsReading() && !dueAt.isBefore(now) && dueAt.isBefore(now.plus(DUE_SOON));
    }
}
