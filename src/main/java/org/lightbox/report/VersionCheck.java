package org.lightbox.report;

import java.util.List;

/** The result of checking a report's signed versions against their hashes and their chain. */
public record VersionCheck(int versionsChecked, Integer firstBrokenVersion, String problem) {
    public boolean isIntact() {
        return firstBrokenVersion == null;
    }

    /** Each version hashes to its stored hash, numbers run 1, 2, 3... and each links to the one before. */
    public static VersionCheck of(List<SignedVersion> versions) {
        String previousHash = "";
        int expected = 1;
        for (SignedVersion v : versions) {
            if (v.version() != expected) {
                return new VersionCheck(expected - 1, expected, "version " + expected + " is missing");
            }
            if (!v.isIntact()) {
                return new VersionCheck(expected - 1, v.version(), "its content no longer matches the hash it was signed with");
            }
            if (!v.prevHash().equals(previousHash)) {
                return new VersionCheck(expected - 1, v.version(), "it does not link to the version before it");
            }
            previousHash = v.contentHash();
            expected++;
        }
        return new VersionCheck(versions.size(), null, null);
    }
}
