package org.lightbox.ingest;

import java.util.regex.Pattern;

/**
 * UIDs become folder and file names in the managed store, so they are checked before use: digits
 * and dots only, at most 64 characters (PS3.5 9.1). Leading zeros in a component break the same
 * rule, yet some equipment writes them and they are harmless here, so they are accepted.
 */
final class DicomUids {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private DicomUids() {
    }

    static boolean isValid(String uid) {
        return uid != null && uid.length() <= 64 && UID.matcher(uid).matches();
    }
}
