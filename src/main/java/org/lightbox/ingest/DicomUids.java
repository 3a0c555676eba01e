package org.lightbox.ingest;

/**
 * UIDs become folder and file names in the managed store, so they are checked before use: digits
 * and dots only, at most 64 characters (PS3.5 9.1). Leading zeros in a component break the same
 * rule, yet some equipment writes them and they are harmless here, so they are accepted.
 */
final class DicomUids {

    private DicomUids() {
    }

    /** Components of one or more digits joined by single dots; a loop, as three UIDs of every file are checked. */
    static boolean isValid(String uid) {
        if (uid == null || uid.length() > 64) {
            return false;
        }
        boolean digitBefore = false; // in the component being read
        for (int i = 0; i < uid.length(); i++) {
            char c = uid.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }
}
