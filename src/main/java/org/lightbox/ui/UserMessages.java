package org.lightbox.ui;

import org.lightbox.domain.DomainException;
import org.lightbox.store.StoreException;

/** Turns a failure into a sentence for the person at the workstation. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable error) {
        if (error instanceof DomainException || error instanceof StoreException) {
            return error.getMessage();
        }
        return "Something went wrong (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + "). Details are in the log.";
    }
}
