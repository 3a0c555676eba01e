package org.lightbox.ingest.pacs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.ingest.StorageScpSettings;

/**
 * The PACS this workstation queries and retrieves from, as an administrator set it. Over DICOMweb:
 * the root URL and an optional user; over DIMSE: the PACS's AE title, host and port (our own AE
 * title and the C-MOVE destination are the Storage SCP's). No password is kept: it is asked for on
 * the Scans screen and held in memory for the session, because a stored record also goes into the
 * audit trail (old and new value) and from there to the central store.
 */
public record PacsSettings(PacsProtocol protocol, String dicomWebUrl, String user, String aeTitle, String host, int port) {
    public static final String KEY = "ingest.pacs";
    public static final PacsSettings NONE = new PacsSettings(PacsProtocol.NONE, "", "", "", "", 0);

    public PacsSettings {
        protocol = protocol == null ? PacsProtocol.NONE : protocol;
        dicomWebUrl = dicomWebUrl == null ? "" : dicomWebUrl;
        user = user == null ? "" : user;
        aeTitle = aeTitle == null ? "" : aeTitle;
        host = host == null ? "" : host;
    }

    public static PacsSettings dicomWeb(String url, String user) {
        return new PacsSettings(PacsProtocol.DICOMWEB, url, user, "", "", 0);
    }

    public static PacsSettings dimse(String aeTitle, String host, int port) {
        return new PacsSettings(PacsProtocol.DIMSE, "", "", aeTitle, host, port);
    }

    public boolean configured() {
        return protocol != PacsProtocol.NONE;
    }

    /** Whether a query needs a password typed first (DICOMweb with a user). */
    public boolean needsPassword() {
        return protocol == PacsProtocol.DICOMWEB && !user.isEmpty();
    }

    public DicomNode node() {
        return new DicomNode(aeTitle, host, port);
    }

    /** "DICOMweb http://pacs:8042/dicom-web" or "DIMSE ORTHANC@pacs:4242", for messages. */
    public String describe() {
        return switch (protocol) {
            case NONE -> "no PACS";
            case DICOMWEB -> "DICOMweb " + dicomWebUrl;
            case DIMSE -> "DIMSE " + aeTitle + "@" + host + ":" + port;
        };
    }

    /** A DICOMweb root as typed: http or https with a host, trimmed, without a trailing slash. */
    public static String checkedUrl(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("The DICOMweb address is required, e.g. http://pacs:8042/dicom-web");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidValueException("The DICOMweb address starts with http:// or https://, e.g."
                        + " http://pacs:8042/dicom-web");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InvalidValueException("The DICOMweb address needs a host after " + scheme + "://, e.g."
                        + " http://pacs:8042/dicom-web");
            }
        } catch (URISyntaxException e) {
            throw new InvalidValueException("Not a web address: " + e.getReason() + " in \"" + text + "\"");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The PACS's AE title: PS3.5 6.2, 1 to 16 characters, no backslash. */
    public static String checkedAeTitle(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidValueException("The PACS's AE title is required, e.g. ORTHANC");
        }
        return StorageScpSettings.checkedAeTitle(typed);
    }

    public static String checkedHost(String typed) {
        String host = typed == null ? "" : typed.strip();
        if (host.isEmpty()) {
            throw new InvalidValueException("The PACS's host name or IP address is required, e.g. pacs.hospital.local");
        }
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == ':')) {
            throw new InvalidValueException("A host name has no spaces, slashes or colons (the port goes in its own field)");
        }
        return host;
    }

    public static int checkedPort(String typed) {
        return StorageScpSettings.checkedPort(typed);
    }
}
