package org.lightbox.request;

import java.util.List;

/** What became of a submitted intake form. */
public sealed interface IntakeOutcome {
    /** The request exists; any warnings were confirmed by the user and are recorded with it. */
    record Created(ImagingRequest request, List<IntakeWarning> confirmedWarnings) implements IntakeOutcome {
    }

    /** Nothing was saved: the user must confirm these warnings first. */
    record NeedsConfirmation(List<IntakeWarning> warnings) implements IntakeOutcome {
    }
}
