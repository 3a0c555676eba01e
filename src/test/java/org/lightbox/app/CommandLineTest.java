package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.lightbox.testing.MutableClock;

/** The jar's command line as a user types it; the window itself is replaced by a recorder. */
class CommandLineTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Path> windowsOpened = new ArrayList<>();
    private final List<FirstStart> firstStarts = new ArrayList<>();
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
        return Main.run(args, (session, firstStart) -> {
            windowsOpened.add(session.folder().root());
            firstStarts.add(firstStart);
            return 0;
        });
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: lightbox", "--data-dir", "audit", "sample-dicom");
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
    void aFreshFolderGetsTheAssistantUnlessTheStartIsADemo() {
        assertThat(run("--data-dir", dir.toString())).isZero();
        assertThat(run("--data-dir", dir.toString(), "--demo")).isZero();
        assertThat(run("--demo", "--no-demo-data", "--data-dir", dir.toString())).isZero();
        assertThat(firstStarts).containsExactly(FirstStart.ASSISTANT, FirstStart.DEMO, FirstStart.DEMO_ACCOUNTS_ONLY);
    }

    @Test
    void noDemoDataWithoutDemoIsABadArgumentThatSaysWhy() {
        assertThat(run("--no-demo-data", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--no-demo-data belongs to a demo start: use --demo --no-demo-data");
        assertThat(windowsOpened).isEmpty();
    }

    @Test
    void helpExplainsTheFirstStartAndTheDemoOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ")).contains("first-run assistant", "--demo",
                "--no-demo-data With --demo", "logs/");
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

    @Test
    void anUnknownSubcommandIsABadArgument() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument");
    }
}
