package org.lightbox.worklist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import org.lightbox.domain.ModalityType;

/**
 * What the user narrowed the worklist to. A null modality or date means "any"; the search text is
 * split into words that must all appear in the patient name, MRN or accession.
 */
public record WorklistFilter(
        boolean mine,
        boolean unassigned,
        ModalityType modality,
        StatusFilter status,
        LocalDate from,
        LocalDate to,
        String search) {

    public static WorklistFilter toRead() {
        return new WorklistFilter(false, false, null, StatusFilter.TO_READ, null, null, "");
    }

    String[] searchWords() {
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? new String[0] : Arrays.stream(text.split("\\s+")).toArray(String[]::new);
    }

    boolean inDateRange(WorklistEntry e, ZoneId zone) {
        if (from == null && to == null) {
            return true;
        }
        LocalDate day = e.activityAt().atZone(zone).toLocalDate();
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
