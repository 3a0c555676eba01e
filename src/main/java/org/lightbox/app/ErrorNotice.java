package org.lightbox.app;

/** What the user is told about an error no code caught: what happened, in one sentence. */
record ErrorNotice(String headline) {
    private static final int LONGEST_DETAIL = 160;

    static ErrorNotice of(Throwable error) {
        String detail = error.getMessage() == null || error.getMessage().isBlank() ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage().strip().lines().findFirst().orElse("");
        if (detail.length() > LONGEST_DETAIL) {
            detail = detail.substring(0, LONGEST_DETAIL - 1) + "…";
        }
        return new ErrorNotice("An unexpected error (" + detail + ") interrupted what Lightbox was doing.");
    }
}
