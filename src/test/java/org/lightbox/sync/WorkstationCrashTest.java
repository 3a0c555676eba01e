package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/**
 * The workstation process dies in the middle of a sync (power cut, kill -9) and is started again:
 * the headless {@code lightbox sync} runs in a child JVM that the test kills mid-push.
 */
@ExtendWith(CentralStoreExtension.class)
class WorkstationCrashTest {
    @Test
    void aWorkstationKilledMidSyncFinishesTheJobAfterRestartWithoutDoubles(@TempDir Path dir, CentralStoreServer store)
            throws Exception {
        store.startServer();
        String username;
        String userId;
        String workstationId;
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(10_000);
            username = ws.username;
            userId = ws.userId;
            workstationId = ws.workstationId();
        }
        String onServer = "{\"workstation\":\"" + workstationId + "\"}";

        Process first = lightboxSync(dir, store, username);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.count("AuditEvent", onServer) < 1_500 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20); // Fault injection: strike once the push is well under way.
        }
        assertThat(first.isAlive()).as("the first sync was still pushing when killed").isTrue();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(store.count("AuditEvent", onServer)).isBetween(1L, 9_999L);

        Process second = lightboxSync(dir, store, username);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("sync-output.txt"));
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("Outbox: 0 waiting, 0 refused");

        try (SyncedWorkstation reopened = new SyncedWorkstation(dir, store, username, userId)) {
            reopened.assertEverythingArrivedOnceInOrder();
        }
    }

    private static Process lightboxSync(Path dir, CentralStoreServer store, String username) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.lightbox.app.Main", "--data-dir", dir.toString(), "sync", "--server", store.url(), "--app-id", store.appId(),
                "--username", username))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sync-output.txt").toFile());
        pb.environment().put("LIGHTBOX_PASSWORD", SyncedWorkstation.PASSWORD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }
}
