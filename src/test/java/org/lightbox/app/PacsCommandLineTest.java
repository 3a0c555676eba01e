package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;
import org.lightbox.domain.Actor;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.store.Sql;
import org.lightbox.testing.FreePorts;
import org.lightbox.testing.OrthancServer;
import org.lightbox.testing.Scenario;

/**
 * {@code lightbox pacs find|retrieve} as a technologist or a script types it, against a real Orthanc
 * holding one patient's studies of January, February and March 2024: study-date ranges over both
 * protocols, and the PACS taken from Settings of the data folder when none is named.
 */
class PacsCommandLineTest {
    static final String OUR_AE = "LIGHTBOXCLI";
    static final String JANUARY = TestDicomFile.newUid();
    static final String FEBRUARY = TestDicomFile.newUid();
    static final String MARCH = TestDicomFile.newUid();

    @TempDir
    static Path pacsFolder;
    static OrthancServer orthanc;
    static int scpPort;

    @TempDir
    Path dir;

    @BeforeAll
    static void startThePacsWithThreeStudiesOfOnePatient() {
        scpPort = FreePorts.next();
        orthanc = OrthancServer.start(pacsFolder.resolve("orthanc"), OUR_AE, scpPort);
        storeStudy(JANUARY, "ACC-JAN", LocalDate.of(2024, 1, 10));
        storeStudy(FEBRUARY, "ACC-FEB", LocalDate.of(2024, 2, 15));
        storeStudy(MARCH, "ACC-MAR", LocalDate.of(2024, 3, 20));
    }

    private static void storeStudy(String uid, String accession, LocalDate day) {
        orthanc.store(TestDicomFiles.ct().patient("LB-300001", "MOREAU^ALICE").accession(accession).study(uid)
                .studyDateTime(day.atTime(9, 30)).studyDescription("CT chest").writeTo(pacsFolder.resolve("src")));
    }

    @AfterAll
    static void stopThePacs() {
        orthanc.close();
    }

    private record Run(int exit, String out, String err) {
    }

    /** The jar's main in this JVM, standard output and error captured; no window. */
    private static Run lightbox(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args, (session, firstStart) -> 0);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** {@code pacs find --json} on this data folder: the study UIDs found, in the PACS's order. */
    private List<String> found(String... args) throws Exception {
        String[] line = Stream.concat(Stream.of("pacs", "find", "--data-dir", dir.toString(), "--json"), Stream.of(args))
                .toArray(String[]::new);
        Run run = lightbox(line);
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> uids = new ArrayList<>();
        for (JsonNode study : new ObjectMapper().readTree(run.out())) {
            uids.add(study.path("studyInstanceUid").asText());
        }
        return uids;
    }

    private String[] dicomWeb() {
        return new String[] {"--dicomweb", orthanc.dicomWebRoot(), "--user", OrthancServer.USER, "--password",
                OrthancServer.PASSWORD};
    }

    private String[] dimse() {
        return new String[] {"--dimse", OrthancServer.AE_TITLE + "@127.0.0.1:" + orthanc.dicomPort(), "--aet", OUR_AE};
    }

    private static String[] with(String[] pacs, String... more) {
        return Stream.concat(Stream.of(pacs), Stream.of(more)).toArray(String[]::new);
    }

    /** As an administrator does in Settings, PACS tab (and the Storage SCP's AE title and port, Scans screen). */
    private void settingsSay(PacsProtocol protocol, String url, String user, int dimsePort) {
        try (Scenario scenario = new Scenario(dir)) {
            Actor admin = scenario.workstation.users().findByUsername("admin").map(a -> a.asActor())
                    .orElseGet(scenario::admin);
            scenario.workstation.settingsEditor().savePacs(admin, protocol, url, user,
                    protocol == PacsProtocol.DIMSE ? OrthancServer.AE_TITLE : "",
                    protocol == PacsProtocol.DIMSE ? "127.0.0.1" : "", protocol == PacsProtocol.DIMSE ? "" + dimsePort : "");
            scenario.workstation.settings().write(StorageScpSettings.KEY, new StorageScpSettings(OUR_AE, scpPort));
        }
    }

    private void pacsInSettingsIsDicomWeb(String user) {
        settingsSay(PacsProtocol.DICOMWEB, orthanc.dicomWebRoot(), user, 0);
    }

    private void pacsInSettingsIsDimse(int port) {
        settingsSay(PacsProtocol.DIMSE, "", "", port);
    }

    private AuditEvent latestAuditEvent() {
        try (Scenario scenario = new Scenario(dir)) {
            return scenario.workstation.auditTrail().latest(1).get(0);
        }
    }

    @Test
    void aStudyDateRangeFindsOnlyTheStudiesOfThoseDaysOverDicomWebAndDimse() throws Exception {
        String[] february = {"--patient-id", "LB-300001", "--from", "2024-02-01", "--to", "2024-02-29"};

        assertThat(found(with(dicomWeb(), february))).containsExactly(FEBRUARY);
        assertThat(found(with(dimse(), february))).containsExactly(FEBRUARY);
        assertThat(found(with(dimse(), "--from", "2024-01-10", "--to", "2024-02-15")))
                .as("both ends are days of the range").containsExactlyInAnyOrder(JANUARY, FEBRUARY);
    }

    @Test
    void aRangeOpenAtOneEndReachesToTheFirstOrTheLastStudy() throws Exception {
        for (String[] pacs : List.of(dicomWeb(), dimse())) {
            assertThat(found(with(pacs, "--from", "2024-02-01"))).containsExactlyInAnyOrder(FEBRUARY, MARCH);
            assertThat(found(with(pacs, "--to", "2024-02-29"))).containsExactlyInAnyOrder(JANUARY, FEBRUARY);
        }
    }

    @Test
    void theQueryIsAuditedWithTheStudyDatesAsTheDicomRangeSentToThePacs() throws Exception {
        found(with(dicomWeb(), "--from", "2024-02-01"));

        AuditEvent event = latestAuditEvent();
        assertThat(event.action()).isEqualTo("pacs.queried");
        JsonNode details = new ObjectMapper().readTree(event.details());
        assertThat(details.path("studyDates").asText()).isEqualTo("20240201-");
        assertThat(details.path("pacs").asText()).isEqualTo("DICOMweb " + orthanc.dicomWebRoot());
        assertThat(details.path("matches").asInt()).isEqualTo(2);
    }

    @Test
    void aDateThatIsNotOneIsRefusedNamingTheOptionAndNothingIsAsked() {
        pacsInSettingsIsDicomWeb(OrthancServer.USER);

        Run badDay = lightbox("pacs", "find", "--data-dir", dir.toString(), "--password", OrthancServer.PASSWORD,
                "--patient-id", "LB-300001", "--from", "2024-13-01");
        Run american = lightbox("pacs", "find", "--data-dir", dir.toString(), "--password", OrthancServer.PASSWORD,
                "--to", "02/29/2024");

        assertThat(badDay.exit()).isEqualTo(2);
        assertThat(badDay.err()).contains("lightbox pacs find: --from \"2024-13-01\" is not a date: give it as YYYY-MM-DD");
        assertThat(american.exit()).isEqualTo(2);
        assertThat(american.err()).contains("lightbox pacs find: --to \"02/29/2024\" is not a date");
        assertThat(badDay.out() + american.out()).isEmpty();
        assertThat(latestAuditEvent().action()).as("no query reached the PACS").isEqualTo("settings.changed");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedNamingBothOptions() {
        pacsInSettingsIsDicomWeb(OrthancServer.USER);

        Run run = lightbox("pacs", "find", "--data-dir", dir.toString(), "--password", OrthancServer.PASSWORD,
                "--from", "2024-03-01", "--to", "2024-02-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("lightbox pacs find: --from and --to:")
                .contains("ends (2024-02-01) before it starts (2024-03-01)");
        assertThat(latestAuditEvent().action()).isEqualTo("settings.changed");
    }

    @Test
    void withoutAPacsNamedFindAsksThePacsInSettingsAsItsUser() {
        pacsInSettingsIsDicomWeb(OrthancServer.USER);

        Run run = lightbox("pacs", "find", "--data-dir", dir.toString(), "--password", OrthancServer.PASSWORD,
                "--patient-id", "LB-300001", "--to", "2024-01-31");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(JANUARY).contains("2024-01-10").contains("MOREAU, ALICE")
                .contains("1 study on DICOMweb " + orthanc.dicomWebRoot()).doesNotContain(FEBRUARY);
        assertThat(latestAuditEvent().actorName()).isEqualTo("system");
    }

    @Test
    void aDimsePacsInSettingsIsAskedByCFindWithTheRange() throws Exception {
        pacsInSettingsIsDimse(orthanc.dicomPort());

        assertThat(found("--from", "2024-03-01", "--to", "2024-03-31")).containsExactly(MARCH);
    }

    @Test
    void theUserOfThePacsInSettingsNeedsItsPasswordOnTheCommandLine() {
        pacsInSettingsIsDicomWeb(OrthancServer.USER);

        Run run = lightbox("pacs", "find", "--data-dir", dir.toString(), "--patient-id", "LB-300001");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("lightbox pacs find: the PACS user lightbox needs a password: add --password");
        assertThat(latestAuditEvent().action()).isEqualTo("settings.changed");
    }

    @Test
    void optionsGivenWinOverSettings() throws Exception {
        pacsInSettingsIsDicomWeb("someone-else");

        List<String> asOtherUser = found("--user", OrthancServer.USER, "--password", OrthancServer.PASSWORD,
                "--from", "2024-03-01");
        pacsInSettingsIsDimse(FreePorts.next()); // nothing listens there
        List<String> elsewhere = found(with(dicomWeb(), "--from", "2024-03-01"));

        assertThat(asOtherUser).containsExactly(MARCH);
        assertThat(elsewhere).containsExactly(MARCH);
    }

    @Test
    void retrieveBringsTheStudyInFromTheDimsePacsInSettingsByCMoveToOurStorageScp() {
        pacsInSettingsIsDimse(orthanc.dicomPort());

        Run run = lightbox("pacs", "retrieve", "--data-dir", dir.toString(), "--study", FEBRUARY);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 image indexed");
        try (Scenario scenario = new Scenario(dir)) {
            long kept = scenario.workstation.database().read(c -> Sql.count(c,
                    "SELECT count(*) FROM dicom_study WHERE study_instance_uid = ?", FEBRUARY));
            assertThat(kept).isEqualTo(1);
            assertThat(scenario.workstation.unmatchedStudies().queue()).singleElement()
                    .satisfies(s -> assertThat(s.studyInstanceUid()).isEqualTo(FEBRUARY));
            assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("pacs.retrieved");
        }
    }

    @Test
    void retrieveBringsTheStudyInFromTheDicomWebPacsInSettings() {
        pacsInSettingsIsDicomWeb(OrthancServer.USER);

        Run run = lightbox("pacs", "retrieve", "--data-dir", dir.toString(), "--password", OrthancServer.PASSWORD,
                "--study", MARCH);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 image indexed");
        try (Scenario scenario = new Scenario(dir)) {
            assertThat(scenario.workstation.unmatchedStudies().queue()).singleElement()
                    .satisfies(s -> assertThat(s.studyInstanceUid()).isEqualTo(MARCH));
        }
    }

    @Test
    void withoutAPacsInSettingsOrOnTheCommandLineFindAndRetrieveSayHowToGiveOne() {
        Run find = lightbox("pacs", "find", "--data-dir", dir.toString(), "--patient-id", "LB-300001");
        Run retrieve = lightbox("pacs", "retrieve", "--data-dir", dir.toString(), "--study", MARCH);

        assertThat(find.exit()).isEqualTo(2);
        assertThat(find.err()).contains("lightbox pacs find: No PACS is set up on this workstation")
                .contains("Settings (Ctrl+,), PACS tab").contains("--dicomweb URL or --dimse AET@HOST:PORT");
        assertThat(retrieve.exit()).isEqualTo(2);
        assertThat(retrieve.err()).contains("lightbox pacs retrieve: No PACS is set up on this workstation");
        try (Scenario scenario = new Scenario(dir)) {
            long kept = scenario.workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM dicom_study"));
            assertThat(kept).isZero();
        }
    }

    @Test
    void helpDescribesTheDateRangeAndThePacsFromSettings() {
        Run find = lightbox("pacs", "find", "--help");
        Run pacs = lightbox("pacs", "--help");

        String help = find.out().replaceAll("\\s+", " ");
        assertThat(help).contains("--from=YYYY-MM-DD Only studies of this day or later (Study Date)")
                .contains("--to=YYYY-MM-DD Only studies of this day or earlier (Study Date)")
                .contains("instead of the user set there").contains("Never stored");
        assertThat(pacs.out().replaceAll("\\s+", " "))
                .contains("Without --dicomweb or --dimse, the PACS set in Settings (PACS tab)");
    }
}
