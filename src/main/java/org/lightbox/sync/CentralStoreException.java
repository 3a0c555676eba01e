package org.lightbox.sync;

/**
 * The central store could not be reached, refused a request, or answered something unreadable. The
 * kind says what the workstation does next: retry later, sign in again, or ask for the settings to be fixed.
 */
public final class CentralStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the workstation's next move is concerned. */
    public enum Kind {
        UNREACHABLE(true, "The central store cannot be reached"),
        SERVER_FAILED(true, "The central store failed"),
        MALFORMED_ANSWER(true, "The central store sent an unreadable answer"),
        SESSION_EXPIRED(false, "The session on the central store has expired: sign in again"),
        APPLICATION_REFUSED(false, "The central store refused this workstation's application id or client key: check the central store settings"),
        WRONG_PASSWORD(false, "Unknown username or wrong password"),
        REFUSED(false, "The central store refused the request");

        private final boolean transientFailure;
        private final String summary;

        Kind(boolean transientFailure, String summary) {
            this.transientFailure = transientFailure;
            this.summary = summary;
        }

        /** Worth retrying after a pause, unchanged. */
        public boolean isTransient() {
            return transientFailure;
        }

        public String summary() {
            return summary;
        }
    }

    private final Kind kind;
    private final int parseCode;

    CentralStoreException(Kind kind, int parseCode, String detail, Throwable cause) {
        super(kind.summary() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.kind = kind;
        this.parseCode = parseCode;
    }

    CentralStoreException(Kind kind, String detail) {
        this(kind, 0, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Parse's error code when the server gave one (101, 119, 137, 209, ...), else 0. */
    public int parseCode() {
        return parseCode;
    }
}
