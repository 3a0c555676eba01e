package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.DomainException;
import org.lightbox.report.cli.ReportVerifyCommand;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.StoreException;
import picocli.CommandLine;

/**
 * A signed version never changes: no public API changes one, the database refuses an UPDATE or
 * DELETE of one, and a row changed behind the database's back (its trigger dropped) fails its hash
 * check, which the output and the command line refuse to pass on.
 */
class SignedVersionImmutabilityTest {
    private static final ReportSections SIGNED = new ReportSections("Headache.", "CT without contrast.", "None.",
            "No haemorrhage.", "Normal CT head.");

    @TempDir
    Path dir;
    ReadingRoom room;
    Reporting reporting;
    ImagingRequest study;
    Report report;
    SignedVersion original;

    @BeforeEach
    void signAReport() {
        room = new ReadingRoom(dir);
        reporting = room.reporting();
        study = room.scannedStudy();
        report = reporting.open(room.attending, study.id()).report();
        reporting.sign(room.attending, report.id(), new SigningRequest(SIGNED, false, null, false), room.password());
        original = reporting.signedVersions(room.attending, study.id()).get(0);
    }

    @AfterEach
    void close() {
        room.close();
    }

    @Test
    void everyPublicWayToWriteAReportLeavesTheSignedVersionAsItWas() {
        ReportSections changed = SIGNED.with(ReportSection.IMPRESSION, "Changed after signing.");
        SigningRequest resign = new SigningRequest(changed, false, null, true);

        assertThatThrownBy(() -> reporting.saveDraft(room.attending, report.id(), changed, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("add an addendum");
        assertThatThrownBy(() -> reporting.sign(room.attending, report.id(), resign, room.password()))
                .isInstanceOf(DomainException.class).hasMessageContaining("already signed");
        assertThatThrownBy(() -> reporting.submitForReview(room.attending, report.id(), room.colleague.userId(), resign,
                room.password())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> reporting.sign(room.admin, report.id(), resign, room.password()))
                .isInstanceOf(DomainException.class);
        reporting.addAddendum(room.attending, report.id(), "Correction: the impression stands.", null, room.password());
        reporting.release(room.attending, study.id());
        reporting.open(room.attending, study.id());

        List<SignedVersion> after = reporting.signedVersions(room.attending, study.id());
        assertThat(after.get(0)).isEqualTo(original);
        assertThat(after.get(0).isIntact()).isTrue();
        assertThat(reporting.verify(study.id()).isIntact()).isTrue();
    }

    @Test
    void theReportingApiOffersNoWayToChangeOrRemoveAVersion() {
        Set<String> writers = Arrays.stream(Reporting.class.getMethods()).filter(m -> m.getDeclaringClass() == Reporting.class)
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(writers).containsExactlyInAnyOrder("settings", "open", "renewLock", "closeReading", "saveDraft", "reviewersFor",
                "submitForReview", "sign", "addAddendum", "release", "signedVersions", "verify", "reportOf");
        assertThat(SignedVersion.class.isRecord()).isTrue();
        assertThat(Modifier.isPublic(ReportRepository.class.getModifiers())).isFalse();
        assertThat(Modifier.isPublic(Signatures.class.getModifiers())).isFalse();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteASignedVersion() {
        assertThatThrownBy(() -> room.scenario.workstation.database().update(tx -> org.lightbox.store.Sql.update(tx,
                "UPDATE report_version SET impression = 'Changed' WHERE id = ?", original.id())))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> room.scenario.workstation.database().update(tx -> org.lightbox.store.Sql.update(tx,
                "DELETE FROM report_version WHERE id = ?", original.id())))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot be deleted");
        assertThat(reporting.signedVersions(room.attending, study.id())).containsExactly(original);
    }

    @Test
    void aRowChangedBehindTheDatabasesBackFailsItsHashCheckAndIsNotPutOut() throws Exception {
        tamper("UPDATE report_version SET impression = 'Subdural haematoma.' WHERE id = '" + original.id() + "'");

        SignedVersion tampered = reporting.signedVersions(room.attending, study.id()).get(0);
        assertThat(tampered.sections().impression()).isEqualTo("Subdural haematoma.");
        assertThat(tampered.isIntact()).isFalse();
        VersionCheck check = reporting.verify(study.id());
        assertThat(check.isIntact()).isFalse();
        assertThat(check.firstBrokenVersion()).isEqualTo(1);
        assertThatThrownBy(() -> room.scenario.workstation.reportDocuments().forAccession(room.admin, study.accession().value(), "pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("fails its integrity check");
        assertThatThrownBy(() -> reporting.addAddendum(room.attending, report.id(), "More.", null, room.password()))
                .isInstanceOf(DomainException.class).hasMessageContaining("integrity check");

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ReportVerifyCommand(() -> reporting, () -> room.scenario.workstation.requests()));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(study.accession().value())).isEqualTo(1);
        assertThat(err.toString()).contains("TAMPERED: version 1");
    }

    @Test
    void removingAVersionBreaksTheChainEvenWhenEveryRemainingRowHashesRight() throws Exception {
        reporting.addAddendum(room.attending, report.id(), "First addendum.", null, room.password());
        reporting.addAddendum(room.attending, report.id(), "Second addendum.", null, room.password());
        SignedVersion middle = reporting.signedVersions(room.attending, study.id()).get(1);

        tamper("DELETE FROM report_version WHERE id = '" + middle.id() + "'");

        VersionCheck check = reporting.verify(study.id());
        assertThat(check.isIntact()).isFalse();
        assertThat(check.problem()).isEqualTo("version 2 is missing");
    }

    /** What someone with the file and a SQLite shell could do: drop the guard, then change the row. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + room.scenario.workstation.database().file());
                Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER report_version_is_immutable");
            s.execute("DROP TRIGGER report_version_is_kept");
            s.execute(sql);
        }
    }
}
