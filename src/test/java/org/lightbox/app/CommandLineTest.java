package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.report.Report;
import org.lightbox.report.ReportSections;
import org.lightbox.report.SigningRequest;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.MutableClock;

/** The jar's command line as a user types it; the window itself is replaced by a recorder. */
class CommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Path> windowsOpened = new ArrayList<>();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureTerminal() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTerminal() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        return Main.run(args, (session, demo) -> {
            windowsOpened.add(session.folder().root());
            return 0;
        });
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: lightbox", "--data-dir", "audit", "sample-dicom",
                "report", "Signed reports: as FHIR, as PDF");
    }

    @Test
    void versionSaysWhichLightbox() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Lightbox ");
    }

    @Test
    void withoutASubcommandTheWindowOpensOnTheGivenDataFolder() {
        assertThat(run("--data-dir", dir.toString())).isZero();
        assertThat(windowsOpened).containsExactly(dir.toAbsolutePath().normalize());
    }

    @Test
    void dataDirWorksBeforeAndAfterTheSubcommand() {
        assertThat(run("--data-dir", dir.resolve("a").toString(), "audit", "verify")).isZero();
        assertThat(run("audit", "verify", "--data-dir", dir.resolve("b").toString())).isZero();
        assertThat(dir.resolve("a/lightbox.db")).exists();
        assertThat(dir.resolve("b/lightbox.db")).exists();
        assertThat(windowsOpened).isEmpty();
    }

    @Test
    void auditVerifyExitsNonZeroAndNamesTheFirstBrokenLink() throws Exception {
        try (Workstation w = Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000))) {
            new FirstRun(w.users(), w.folder(), new PrintStream(new ByteArrayOutputStream())).createAccountsIfNone();
        }
        assertThat(run("audit", "verify", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit chain intact: 3 events verified.");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lightbox.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER audit_event_is_append_only");
            s.executeUpdate("UPDATE audit_event SET actor_name = 'someone else' WHERE seq = 2");
        }
        assertThat(run("audit", "verify", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Audit chain BROKEN at event 2", "1 events before it verified");
    }

    /** A data folder whose one report is signed: the command line then runs on it as a hospital script would. */
    private String signedReportIn(Path folder) {
        try (ReadingRoom room = new ReadingRoom(folder)) {
            ImagingRequest study = room.scannedStudy();
            Report draft = room.reporting().open(room.attending, study.id()).report();
            room.reporting().sign(room.attending, draft.id(), new SigningRequest(new ReportSections("Headache.", "CT head.", "None.",
                    "No haemorrhage.", "Normal CT head."), false, null, false), room.password());
            return study.accession().value();
        }
    }

    @Test
    void reportFhirPdfAndVerifyRunFromTheCommandLineOnTheDataFolder() throws Exception {
        String accession = signedReportIn(dir);
        Path pdf = dir.resolve("out/report.pdf");

        assertThat(run("report", "fhir", accession, "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"resourceType\" : \"DiagnosticReport\"", "\"status\" : \"final\"",
                "\"conclusion\" : \"Normal CT head.\"");
        assertThat(run("report", "pdf", accession, "--out", pdf.toString(), "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote " + pdf.toAbsolutePath() + " (report version 1)");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(run("report", "verify", accession, "--data-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Report of " + accession + " intact: 1 signed versions verified.");
        assertThat(windowsOpened).isEmpty();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lightbox.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER report_version_is_immutable");
            s.executeUpdate("UPDATE report_version SET impression = 'Haemorrhage.'");
        }
        assertThat(run("report", "verify", accession, "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Report of " + accession + " TAMPERED: version 1");
        assertThat(run("report", "pdf", accession, "--out", dir.resolve("tampered.pdf").toString(), "--data-dir", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lightbox: Signed version 1 of the report of " + accession
                + " fails its integrity check");
        assertThat(dir.resolve("tampered.pdf")).doesNotExist();
    }

    @Test
    void aReportCommandOnAnUnknownAccessionSaysSo() {
        assertThat(run("report", "fhir", "NO-SUCH", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lightbox: No imaging request with accession NO-SUCH");
    }

    @Test
    void anUnknownSubcommandIsABadArgument() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument");
    }
}
