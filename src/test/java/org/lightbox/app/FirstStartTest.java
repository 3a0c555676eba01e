package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.domain.RequestStatus;
import org.lightbox.testing.MutableClock;
import org.lightbox.worklist.WorklistEntry;

class FirstStartTest {
    @TempDir
    Path dir;

    private Workstation open() {
        return Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000));
    }

    @Test
    void aFirstStartCreatesThreeAccountsAndShowsTheirPasswordsOnce() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (Workstation w = open()) {
            assertThat(new FirstRun(w.users(), w.folder(), new PrintStream(terminal, true, StandardCharsets.UTF_8))
                    .createAccountsIfNone()).isTrue();
            List<String> lines = Files.readAllLines(w.folder().initialPasswords());
            assertThat(lines).hasSize(4);
            for (String line : lines.subList(1, 4)) {
                String[] userAndPassword = line.split(" ");
                assertThat(terminal.toString(StandardCharsets.UTF_8)).contains(userAndPassword[1]);
                assertThat(w.authenticator().signIn(userAndPassword[0], userAndPassword[1].toCharArray()).username())
                        .isEqualTo(userAndPassword[0]);
            }
            assertThat(lines.subList(1, 4)).extracting(l -> l.split(" ")[0]).containsExactly("admin", "radiologist", "technologist");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("initial-passwords.txt"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aSecondStartCreatesNothingAndPrintsNothing() {
        try (Workstation w = open()) {
            new FirstRun(w.users(), w.folder(), new PrintStream(new ByteArrayOutputStream())).createAccountsIfNone();
        }
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        try (Workstation w = open()) {
            assertThat(new FirstRun(w.users(), w.folder(), new PrintStream(terminal)).createAccountsIfNone()).isFalse();
            assertThat(w.users().all()).hasSize(3);
        }
        assertThat(terminal.size()).isZero();
    }

    @Test
    void aDataFolderWithDemoPatientsIsNeverConnectedToACentralStore() {
        try (Workstation w = open()) {
            new FirstRun(w.users(), w.folder(), new PrintStream(new ByteArrayOutputStream())).createAccountsIfNone();
            new DemoData(w).seed();
            assertThatThrownBy(() -> w.sync().configure(Actor.SYSTEM,
                    new CentralStoreSettings("http://127.0.0.1:1337/parse", "lightbox", null)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("holds the demo patients");
            assertThat(w.sync().settings()).isEmpty();
        }
    }

    @Test
    void theDemoDataFillsTheWorklistWithRequestsInEveryState() {
        try (Workstation w = open()) {
            new FirstRun(w.users(), w.folder(), new PrintStream(new ByteArrayOutputStream())).createAccountsIfNone();
            new DemoData(w).seed();
            List<WorklistEntry> entries = w.worklist().snapshot().entries();
            assertThat(entries).extracting(WorklistEntry::status).contains(RequestStatus.REQUESTED, RequestStatus.SCHEDULED,
                    RequestStatus.PERFORMED, RequestStatus.RELEASED, RequestStatus.CANCELLED);
            assertThat(entries.get(0).accession()).isEqualTo("DEMO0001");
            assertThat(entries).filteredOn(e -> e.isOverdueAt(w.clock().instant())).extracting(WorklistEntry::accession)
                    .containsExactly("DEMO0002");
            assertThat(entries).filteredOn(e -> "DEMO0004".equals(e.accession())).extracting(WorklistEntry::assigneeName)
                    .containsExactly("Dr. Grace Okafor");
            assertThat(w.auditTrail().verify().isIntact()).isTrue();
        }
    }
}
