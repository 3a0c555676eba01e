package org.lightbox.dicom;

/**
 * Splits a value at a single separator character, as {@code String.split} with a limit of -1 does
 * (empty parts kept, the whole text when the separator is absent), without its regular-expression
 * machinery: headers are split several times for every file read.
 */
final class Separated {
    private Separated() {
    }

    static String[] parts(String text, char separator) {
        int count = 1;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + 1)) {
            count++;
        }
        String[] parts = new String[count];
        int from = 0;
        for (int i = 0; i < count - 1; i++) {
            int at = text.indexOf(separator, from);
            parts[i] = text.substring(from, at);
            from = at + 1;
        }
        parts[count - 1] = count == 1 ? text : text.substring(from);
        return parts;
    }
}
