package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.testing.FreePorts;

/**
 * {@code lightbox listen} as an operator runs it, in a JVM of its own: dcmtk's echoscu and storescu
 * talk to it, an association for another AE title is refused, and Ctrl+C (SIGTERM) stops it.
 */
class ListenCommandTest {
    @TempDir
    Path dir;

    @Test
    void listenAnswersEchoRefusesAnotherCalledAeTitleAndIndexesWhatStorescuSends() throws Exception {
        IngestFixture department = new IngestFixture(dir);
        ImagingRequest request;
        List<Path> slices;
        try {
            request = department.scheduledRequest("LB-1", "Moreau");
            slices = IngestFixture.series(dir.resolve("modality"), request, TestDicomFile.newUid(), 3);
        } finally {
            department.scenario.close();
        }
        String port = Integer.toString(FreePorts.next());

        Process listen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.lightbox.app.Main", "--data-dir", dir.resolve("data").toString(),
                "listen", "--aet", "LIGHTBOX", "--port", port).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(listen.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("Listening as LIGHTBOX on port " + port + " (C-ECHO, C-STORE). Ctrl+C to stop.");

            Dcmtk.Result echo = Dcmtk.run("echoscu", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1", port);
            Dcmtk.Result wrongTitle = Dcmtk.run("echoscu", "-aet", "CT1", "-aec", "PACS", "127.0.0.1", port);
            List<String> store = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1", port));
            slices.forEach(s -> store.add(s.toString()));
            Dcmtk.Result sent = Dcmtk.run(store.toArray(String[]::new));

            assertThat(echo.succeeded()).as(echo.output()).isTrue();
            assertThat(wrongTitle.succeeded()).as("an echo addressed to PACS is refused").isFalse();
            assertThat(wrongTitle.output()).containsIgnoringCase("Called AE Title Not Recognized");
            assertThat(sent.succeeded()).as(sent.output()).isTrue();
            assertThat(out.readLine()).isEqualTo("3 images indexed, 0 duplicates, 1 study, 1 series, 0 rejected");

            listen.destroy(); // SIGTERM, as Ctrl+C: the shutdown hook stops the SCP
            assertThat(listen.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        try (Workstation ws = Workstation.open(new DataFolder(dir.resolve("data")), Clock.systemDefaultZone(),
                new PasswordHasher(1_000))) {
            assertThat(ws.requests().byId(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.PERFORMED);
            long startedAndStopped = ws.database().read(c -> Sql.count(c, "SELECT count(*) FROM audit_event WHERE action IN"
                    + " ('ingest.storage_scp_started', 'ingest.storage_scp_stopped') AND target_id = 'LIGHTBOX'"));
            assertThat(startedAndStopped).as("started and stopped, both audited").isEqualTo(2);
        }
    }
}
