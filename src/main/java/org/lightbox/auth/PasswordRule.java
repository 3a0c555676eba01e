package org.lightbox.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: long enough that guessing it from the sign-in screen is hopeless, and
 * not one of the passwords people pick first. A passphrase of a few words passes; "1234567890" does not.
 * (NIST SP 800-63B, 5.1.1.2: length matters, composition rules do not; refuse known-bad values.)
 */
public final class PasswordRule {
    public static final int MIN_LENGTH = 10;
    private static final int MIN_DISTINCT = 5;
    private static final Set<String> COMMON = Set.of("password", "password1", "password12", "password123", "password1234",
            "1234567890", "12345678910", "0123456789", "qwertyuiop", "qwertyuiop1", "1q2w3e4r5t", "letmein123", "iloveyou12",
            "administrator", "changeme123", "welcome123", "radiology1", "lightbox123");

    private PasswordRule() {
    }

    /** Why {@code password} is refused for {@code username}, or empty when it is acceptable. */
    public static Optional<String> problemWith(char[] password, String username) {
        if (password.length < MIN_LENGTH) {
            return Optional.of("Password must have at least " + MIN_LENGTH + " characters");
        }
        String text = new String(password);
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.chars().distinct().count() < MIN_DISTINCT) {
            return Optional.of("Password must use at least " + MIN_DISTINCT + " different characters");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("This password is among the first ones guessed: choose another, e.g. a few unrelated words");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && lower.contains(name)) {
            return Optional.of("Password must not contain the username");
        }
        return Optional.empty();
    }
}
