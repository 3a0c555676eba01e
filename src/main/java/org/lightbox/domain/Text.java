package org.lightbox.domain;

/** Checks shared by the free-text fields of forms. */
public final class Text {
    private Text() {
    }

    /** The trimmed text; refused when blank or longer than {@code maxLength}. */
    public static String required(String raw, String what, int maxLength) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException(what + " is required");
        }
        return limited(value, what, maxLength);
    }

    /** The trimmed text, possibly empty; refused when longer than {@code maxLength}. */
    public static String optional(String raw, String what, int maxLength) {
        return limited(raw == null ? "" : raw.strip(), what, maxLength);
    }

    private static String limited(String value, String what, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidValueException(what + " is too long (" + value.length() + " characters, at most " + maxLength + ")");
        }
        return value;
    }
}
