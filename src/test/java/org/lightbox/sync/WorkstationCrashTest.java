package org.lightbox.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.FaultyLink;
import org.lightbox.sync.testing.FaultyLink.Fault;
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

        // The first run talks through a relay that kills it (SIGKILL) when its 40th batch arrives, mid-push.
        AtomicReference<Process> running = new AtomicReference<>();
        AtomicBoolean killed = new AtomicBoolean();
        Process first;
        try (FaultyLink link = new FaultyLink(store, n -> {
            if (n == 40) {
                running.get().destroyForcibly();
                killed.set(true);
                return Fault.DROP_AFTER_FORWARDING;
            }
            return Fault.NONE;
        })) {
            first = lightboxSync(dir, store, link.url(), username);
            running.set(first);
            assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killed.get()).as("killed mid-push").isTrue();
        assertThat(first.exitValue()).isNotZero();
        assertThat(store.count("AuditEvent", onServer)).isBetween(1L, 9_999L);

        Process second = lightboxSync(dir, store, store.url(), username);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("sync-output.txt"));
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("Outbox: 0 waiting, 0 refused");

        try (SyncedWorkstation reopened = new SyncedWorkstation(dir, store, username, userId)) {
            reopened.assertEverythingArrivedOnceInOrder();
        }
    }

    private static Process lightboxSync(Path dir, CentralStoreServer store, String url, String username) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.lightbox.app.Main", "--data-dir", dir.toString(), "sync", "--server", url, "--app-id", store.appId(),
                "--username", username))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sync-output.txt").toFile());
        pb.environment().put("LIGHTBOX_PASSWORD", SyncedWorkstation.PASSWORD);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }
}
