package org.lightbox.auth;

import org.lightbox.domain.DomainException;

/** Wrong username or password. Deliberately does not say which of the two. */
public class SignInRefusedException extends DomainException {
    public SignInRefusedException(String message) {
        super(message);
    }
}
