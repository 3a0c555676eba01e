package org.lightbox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc PACS (Debian's orthanc + orthanc-dicomweb) on loopback, started from a JSON
 * config in a temp folder on free ports, with one user and our Storage SCP registered as a C-MOVE
 * destination.
 */
public final class OrthancServer implements AutoCloseable {
    public static final String AE_TITLE = "ORTHANC";
    public static final String USER = "lightbox";
    public static final String PASSWORD = "demo-only";
    private static final String PLUGIN = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

    private final Process process;
    private final int httpPort;
    private final int dicomPort;

    private OrthancServer(Process process, int httpPort, int dicomPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** @param moveDestinationAe, moveDestinationPort where C-MOVE sends studies: our Storage SCP */
    public static OrthancServer start(Path folder, String moveDestinationAe, int moveDestinationPort) {
        int http = FreePorts.next();
        int dicom = FreePorts.next();
        String config = """
                {
                  "Name": "LightboxTestPacs",
                  "StorageDirectory": "%1$s/storage",
                  "IndexDirectory": "%1$s/storage",
                  "HttpPort": %2$d,
                  "DicomPort": %3$d,
                  "DicomAet": "%4$s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": true,
                  "RegisteredUsers": { "%5$s": "%6$s" },
                  "Plugins": [ "%7$s" ],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" },
                  "DicomAlwaysAllowEcho": true,
                  "DicomAlwaysAllowFind": true,
                  "DicomAlwaysAllowMove": true,
                  "DicomAlwaysAllowGet": true,
                  "DicomCheckCalledAet": false,
                  "DicomModalities": { "lightbox": [ "%8$s", "127.0.0.1", %9$d ] }
                }
                """.formatted(folder.toAbsolutePath(), http, dicom, AE_TITLE, USER, PASSWORD, PLUGIN, moveDestinationAe,
                moveDestinationPort);
        try {
            Files.createDirectories(folder);
            Path file = Files.writeString(folder.resolve("orthanc.json"), config);
            Process process = new ProcessBuilder("Orthanc", file.toString()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("orthanc.log").toFile()).start();
            OrthancServer server = new OrthancServer(process, http, dicom);
            server.awaitUp(folder);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Orthanc (is it installed?)", e);
        }
    }

    private void awaitUp(Path folder) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Orthanc exited: " + Files.readString(folder.resolve("orthanc.log")));
            }
            try {
                if (get("/system") == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS); // a server start has no event to wait on but its port
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Orthanc did not start in 30 s: " + Files.readString(folder.resolve("orthanc.log")));
    }

    public String dicomWebRoot() {
        return "http://127.0.0.1:" + httpPort + "/dicom-web";
    }

    public int dicomPort() {
        return dicomPort;
    }

    /** Stores a file through Orthanc's REST API, as a modality would have sent it. */
    public void store(Path dicomFile) {
        try {
            HttpURLConnection c = connection("/instances");
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/dicom");
            c.getOutputStream().write(Files.readAllBytes(dicomFile));
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("Orthanc refused " + dicomFile + ": HTTP " + c.getResponseCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int get(String path) throws IOException {
        HttpURLConnection c = connection(path);
        c.setConnectTimeout(500);
        return c.getResponseCode();
    }

    private HttpURLConnection connection(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
        c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return c;
    }

    /** Stops Orthanc and waits for it to exit, so its folder is free ("database is locked" otherwise). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
