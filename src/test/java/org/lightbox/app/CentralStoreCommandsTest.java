package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String password, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(((password == null ? "" : password) + "\n").getBytes(StandardCharsets.UTF_8)));
            int exit = Main.run(args, (session, seed) -> 0);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }
}
