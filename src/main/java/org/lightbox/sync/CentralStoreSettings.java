package org.lightbox.sync;

import java.net.URI;
import java.util.Locale;
import org.lightbox.domain.InvalidValueException;

/**
 * Where this workstation's central store is: the Parse Server URL (with its mount path, e.g.
 * {@code https://store.example/parse}), the application id and, when the server demands one, the client
 * key. Absent, the workstation is standalone.
 */
public record CentralStoreSettings(String url, String applicationId, String clientKey) {
    public static final String KEY = "sync.central-store";

    public CentralStoreSettings {
        url = url == null ? "" : url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("The central store URL must start with http:// or https://, not \"" + url + "\"");
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("The central store URL \"" + url + "\" is not a valid address");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new InvalidValueException("The central store needs its application id");
        }
        applicationId = applicationId.strip();
        clientKey = clientKey == null || clientKey.isBlank() ? null : clientKey.strip();
    }

    /** The path the server is mounted on ("/parse"), which batch sub-requests must repeat. */
    String mountPath() {
        String path = URI.create(url).getPath();
        return path == null ? "" : path;
    }

    /** The LiveQuery websocket: the same host and path over ws:// or wss://. */
    String liveQueryUrl() {
        return url.replaceFirst("^http", "ws");
    }
}
