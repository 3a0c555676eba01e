package org.lightbox.sync;

/** The Parse Server error codes the sync acts on (Parse REST guide, "Error Codes"). */
final class ParseErrors {
    static final int INTERNAL_SERVER_ERROR = 1;
    static final int CONNECTION_FAILED = 100;
    static final int OBJECT_NOT_FOUND = 101;
    static final int TIMEOUT = 124;
    static final int DUPLICATE_VALUE = 137;
    static final int REQUEST_LIMIT_EXCEEDED = 155;
    static final int INVALID_SESSION_TOKEN = 209;

    private ParseErrors() {
    }

    /** Codes that say "the server had a bad moment", not "this request is wrong". */
    static boolean isTransient(int code) {
        return code == INTERNAL_SERVER_ERROR || code == CONNECTION_FAILED || code == TIMEOUT
                || code == REQUEST_LIMIT_EXCEEDED;
    }
}
