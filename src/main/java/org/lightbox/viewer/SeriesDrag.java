package org.lightbox.viewer;

import java.util.Optional;

/** What a series thumbnail carries when dragged to a viewport: the series' id, marked as Lightbox's own. */
final class SeriesDrag {
    private static final String PREFIX = "lightbox-series:";

    private SeriesDrag() {
    }

    static String of(String seriesId) {
        return PREFIX + seriesId;
    }

    /** The series a dragged text names; empty when it is not a series thumbnail's (text dragged in from elsewhere). */
    static Optional<String> seriesId(String dragged) {
        return dragged != null && dragged.startsWith(PREFIX) && dragged.length() > PREFIX.length()
                ? Optional.of(dragged.substring(PREFIX.length())) : Optional.empty();
    }
}
