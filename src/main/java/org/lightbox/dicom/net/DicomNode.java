package org.lightbox.dicom.net;

import java.util.Objects;

/**
 * A DICOM application entity on the network: its AE title and where it listens. AE titles are at
 * most 16 characters of the default repertoire without backslash (PS3.5 6.2, AE).
 */
public record DicomNode(String aeTitle, String host, int port) {

    public DicomNode {
        aeTitle = checkedAeTitle(aeTitle);
        Objects.requireNonNull(host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("A port is between 1 and 65535, not " + port);
        }
    }

    /** The AE title without padding; refuses one a peer would reject. */
    public static String checkedAeTitle(String aeTitle) {
        String title = aeTitle == null ? "" : aeTitle.strip();
        if (title.isEmpty() || title.length() > 16 || !title.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\')) {
            throw new IllegalArgumentException("An AE title is 1 to 16 plain characters without a backslash, not \""
                    + aeTitle + "\"");
        }
        return title;
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
