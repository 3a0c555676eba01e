package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.TerminalCredentials;
import org.lightbox.domain.Actor;
import org.lightbox.store.DemoContent;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/** The headless commands an operator uses: point at a central store, sync once, verify the chain on the server. */
@ExtendWith(CentralStoreExtension.class)
class CentralStoreCommandsTest {
    @Test
    void anOperatorConfiguresSyncsAndVerifiesTheChainOnTheServer(@TempDir Path dir, CentralStoreServer store) {
        store.startServer();
        String username;
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(250);
            username = ws.username;
        }
        String data = dir.toString();

        Run configured = run(null, "--data-dir", data, "central-store", "--server", store.url(), "--app-id", store.appId());
        Run synced = run(SyncedWorkstation.PASSWORD, "--data-dir", data, "sync", "--username", username);
        Run verified = run(SyncedWorkstation.PASSWORD, "--data-dir", data, "audit", "verify", "--server", store.url(),
                "--app-id", store.appId(), "--username", username);
        Run wrongApp = run(SyncedWorkstation.PASSWORD, "--data-dir", data, "sync", "--server", store.url(), "--app-id", "nope",
                "--username", username);

        assertThat(configured.out()).contains("Central store: " + store.url());
        assertThat(synced.exit()).as(synced.toString()).isZero();
        assertThat(synced.out()).contains("Signed in to " + store.url()).contains("delivered").contains("Outbox: 0 waiting, 0 refused");
        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("intact").contains("verified");
        assertThat(wrongApp.exit()).isEqualTo(1);
        assertThat(wrongApp.err()).contains("application id").contains("Nothing was lost");
    }

    @Test
    void syncWithOnlyTheServerAndTheApplicationIdAsksForTheAccount(@TempDir Path dir, CentralStoreServer store) {
        String username = queuedChain(dir, store, 20).username();

        Run synced = run(username + "\n" + SyncedWorkstation.PASSWORD, "--data-dir", dir.toString(), "sync", "--server",
                store.url(), "--app-id", store.appId());

        assertThat(synced.exit()).as(synced.toString()).isZero();
        assertThat(synced.err()).contains("Reading the username").contains("Reading the password");
        assertThat(synced.out()).contains("Signed in to " + store.url() + " as " + username).contains("Outbox: 0 waiting");
    }

    @Test
    void syncTakesTheAccountFromTheEnvironmentWhenNobodyIsAtTheTerminal(@TempDir Path dir, CentralStoreServer store)
            throws Exception {
        Chain chain = queuedChain(dir, store, 20);
        String username = chain.username();
        String workstation = chain.workstation();
        Path output = dir.resolve("sync-output.txt");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.lightbox.app.Main", "--data-dir", dir.toString(),
                "sync", "--server", store.url(), "--app-id", store.appId()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put(TerminalCredentials.USERNAME_VARIABLE, username);
        pb.environment().put(TerminalCredentials.PASSWORD_VARIABLE, SyncedWorkstation.PASSWORD);

        Process sync = pb.start();

        assertThat(sync.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);
        assertThat(sync.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Signed in to " + store.url() + " as " + username).doesNotContain("Reading the");
        assertThat(store.count("AuditEvent", "{\"workstation\":\"" + workstation + "\"}")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aDataFolderHoldingTheDemoPatientsNeverSyncsWithACentralStore(@TempDir Path dir, CentralStoreServer store) {
        store.startServer();
        String username;
        String workstation;
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.sync().configure(Actor.SYSTEM, null);
            ws.workstation.settings().write(DemoContent.KEY, new DemoContent(true));
            ws.queueAuditEvents(20);
            username = ws.username;
            workstation = ws.workstationId();
        }

        Run synced = run(SyncedWorkstation.PASSWORD, "--data-dir", dir.toString(), "sync", "--server", store.url(),
                "--app-id", store.appId(), "--username", username);

        assertThat(synced.exit()).as(synced.toString()).isEqualTo(2);
        assertThat(synced.err().strip()).startsWith("lightbox: This data folder holds the demo patients").doesNotContain("\n");
        assertThat(store.count("AuditEvent", "{\"workstation\":\"" + workstation + "\"}")).isZero();
    }

    @Test
    void auditVerifyOnTheServerNamesTheFirstEventChangedThere(@TempDir Path dir, CentralStoreServer store) {
        Chain chain = pushedChain(dir, store, 30);
        store.sql("UPDATE \"AuditEvent\" SET details = '{\"studyUid\":\"someone else''s\"}' WHERE workstation = '"
                + chain.workstation() + "' AND sequence = 7");

        Run verified = verifyOnServer(chain, store, store.appId(), SyncedWorkstation.PASSWORD);

        assertThat(verified.exit()).isEqualTo(1);
        assertThat(verified.err()).contains("on " + store.url() + " BROKEN at event 7: event 7 (study.viewed on DicomStudy study-")
                .contains("was changed after it was written").contains("6 events before it verified");
    }

    @Test
    void auditVerifyOnTheServerNamesTheFirstGapThere(@TempDir Path dir, CentralStoreServer store) {
        Chain chain = pushedChain(dir, store, 30);
        store.sql("DELETE FROM \"AuditEvent\" WHERE workstation = '" + chain.workstation() + "' AND sequence IN (12, 13)");

        Run verified = verifyOnServer(chain, store, store.appId(), SyncedWorkstation.PASSWORD);

        assertThat(verified.exit()).isEqualTo(1);
        assertThat(verified.err()).contains("BROKEN at event 14: events 12 to 13 are missing").contains("11 events before it verified");
    }

    @Test
    void auditVerifyOnTheServerSaysInOneLineWhyItCouldNotCheck(@TempDir Path dir, CentralStoreServer store) throws Exception {
        Chain chain = pushedChain(dir, store, 5);
        String closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = "http://127.0.0.1:" + s.getLocalPort() + "/parse";
        }

        Run wrongPassword = verifyOnServer(chain, store, store.appId(), "not the password");
        Run wrongApp = verifyOnServer(chain, store, "not-" + store.appId(), SyncedWorkstation.PASSWORD);
        Run unreachable = run(SyncedWorkstation.PASSWORD, "--data-dir", chain.dir().toString(), "audit", "verify", "--server",
                closedPort, "--app-id", store.appId(), "--username", chain.username());

        assertThat(List.of(wrongPassword, wrongApp, unreachable)).allSatisfy(r -> {
            assertThat(r.exit()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().lines().filter(l -> l.startsWith("lightbox: ")).count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        });
        assertThat(wrongPassword.err()).contains("lightbox: Unknown username or wrong password");
        assertThat(wrongApp.err()).contains("lightbox: The central store refused this workstation's application id");
        assertThat(unreachable.err()).contains("lightbox: The central store cannot be reached");
    }

    /** A workstation configured for the store with {@code events} audit events waiting in its outbox, closed again. */
    private static Chain queuedChain(Path dir, CentralStoreServer store, int events) {
        store.startServer();
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(events);
            return new Chain(dir, ws.username, ws.userId, ws.workstationId());
        }
    }

    /** A workstation's audit chain of {@code events} (and the event of configuring the store), pushed to the server. */
    private static Chain pushedChain(Path dir, CentralStoreServer store, int events) {
        Chain chain = queuedChain(dir, store, events);
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store, chain.username(), chain.userId())) {
            ws.sync().syncOnce(ws.client(), ws.signIn());
            ws.assertEverythingArrivedOnceInOrder();
        }
        return chain;
    }

    private static Run verifyOnServer(Chain chain, CentralStoreServer store, String appId, String password) {
        return run(password, "--data-dir", chain.dir().toString(), "audit", "verify", "--server", store.url(), "--app-id", appId,
                "--username", chain.username());
    }

    private record Chain(Path dir, String username, String userId, String workstation) {
    }

    private record Run(int exit, String out, String err) {
    }

    /** Runs the jar's main in this JVM with {@code typed} as standard input (one line per prompt). */
    private static Run run(String typed, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(((typed == null ? "" : typed) + "\n").getBytes(StandardCharsets.UTF_8)));
            int exit = Main.run(args, (session, seed) -> 0);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }
}
