package org.lightbox.auth;

import java.util.Locale;
import org.lightbox.domain.InvalidValueException;

/**
 * The least a new administrator password must be: long (length beats complexity, NIST SP 800-63B 5.1.1),
 * not only letters, not a run of a few characters, and not the username in disguise.
 */
public final class PasswordStrength {
    public static final int MIN_LENGTH = 12;
    private static final int MIN_DIFFERENT_CHARACTERS = 6;

    private PasswordStrength() {
    }

    /** Refuses a weak {@code password} for {@code username}, saying what to change. */
    public static void check(String username, char[] password) {
        if (password.length < MIN_LENGTH) {
            throw new InvalidValueException("Use at least " + MIN_LENGTH + " characters (this has " + password.length + ")");
        }
        String text = new String(password);
        if (text.chars().allMatch(Character::isLetter) || text.chars().noneMatch(Character::isLetter)) {
            throw new InvalidValueException("Mix letters with digits or symbols");
        }
        if (text.chars().distinct().count() < MIN_DIFFERENT_CHARACTERS) {
            throw new InvalidValueException("Too repetitive: use at least " + MIN_DIFFERENT_CHARACTERS + " different characters");
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= 3 && text.toLowerCase(Locale.ROOT).contains(name)) {
            throw new InvalidValueException("The password must not contain the username");
        }
    }
}
