package org.lightbox.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a value at a single separator character, as {@code String.split} with a limit of -1 does
 * (empty parts kept, the whole text when the separator is absent), without its regular-expression
 * machinery: headers are split several times for every file read.
 */
final class Separated {
    private Separated() {
    }

    static String[] parts(String text, char separator) {
        int at = text.indexOf(separator);
        if (at < 0) {
            return new String[] {text};
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (; at >= 0; at = text.indexOf(separator, from)) {
            parts.add(text.substring(from, at));
            from = at + 1;
        }
        parts.add(text.substring(from));
        return parts.toArray(new String[0]);
    }
}
