package org.lightbox.ingest;

import org.lightbox.domain.InvalidValueException;

/**
 * The Storage SCP's AE title and port, as the technologist last set them. Modalities and PACS
 * are configured to send to this AE title at this workstation's address and port.
 */
public record StorageScpSettings(String aeTitle, int port) {
    public static final String KEY = "ingest.storage-scp";
    /** 11112 is the registered DICOM port without root rights (PS3.8 C.1, IANA "dicom-iscl" aside). */
    public static final StorageScpSettings DEFAULTS = new StorageScpSettings("LIGHTBOX", 11112);
    private static final int LONGEST_AE_TITLE = 16;

    /** The AE title as typed, trimmed; refused as a peer would refuse it (PS3.5 6.2, AE: 16 characters, no backslash). */
    public static String checkedAeTitle(String typed) {
        String title = typed == null ? "" : typed.strip();
        if (title.isEmpty()) {
            throw new InvalidValueException("The AE title is required, e.g. " + DEFAULTS.aeTitle());
        }
        if (title.length() > LONGEST_AE_TITLE) {
            throw new InvalidValueException("An AE title has at most " + LONGEST_AE_TITLE + " characters; this one has "
                    + title.length());
        }
        if (!title.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\')) {
            throw new InvalidValueException("An AE title uses plain letters, digits, spaces and punctuation, no backslash");
        }
        return title;
    }

    /** The port as typed; refused unless a number from 1 to 65535. */
    public static int checkedPort(String typed) {
        String text = typed == null ? "" : typed.strip();
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("The port is a number from 1 to 65535, e.g. " + DEFAULTS.port());
        }
        if (port < 1 || port > 65535) {
            throw new InvalidValueException("The port is a number from 1 to 65535, not " + port);
        }
        return port;
    }
}
