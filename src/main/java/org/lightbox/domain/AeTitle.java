package org.lightbox.domain;

/**
 * A DICOM Application Entity title (PS3.5 6.2, value representation AE): at most 16 characters of the
 * default repertoire, no backslash (the value separator) and no control characters; leading and
 * trailing spaces are padding, so a title of spaces only is no title.
 */
public final class AeTitle {
    public static final int MAX_LENGTH = 16;

    private AeTitle() {
    }

    /** The title without its padding; refused with the reason a peer would refuse it. */
    public static String checked(String raw, String what) {
        String title = raw == null ? "" : raw.strip();
        if (title.isEmpty()) {
            throw new InvalidValueException(what + " is required (1 to 16 characters, not only spaces)");
        }
        if (title.length() > MAX_LENGTH) {
            throw new InvalidValueException(what + " has " + title.length() + " characters; DICOM allows at most " + MAX_LENGTH);
        }
        for (char c : title.toCharArray()) {
            if (c == '\\') {
                throw new InvalidValueException(what + " must not contain a backslash");
            }
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidValueException(what + " may hold only plain printable characters (letters, digits, spaces, - _ .)");
            }
        }
        return title;
    }
}
