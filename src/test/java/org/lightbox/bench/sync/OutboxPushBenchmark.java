package org.lightbox.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.sync.CentralSession;
import org.lightbox.sync.OutboxPusher;
import org.lightbox.sync.PushReport;
import org.lightbox.sync.testing.CentralStoreExtension;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/**
 * 10,000 queued audit events pushed to a real central store (Parse Server + PostgreSQL on loopback):
 * through /batch (50 a request) and one request per event, the same events on two fresh workstations.
 * Target: batched <= 10 s. Not part of the test suite (its name does not end in Test); run it with
 * <pre>mvn -B -q test -Dtest=OutboxPushBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It prints the figures and writes them to target/outbox-push-benchmark.txt.
 */
@ExtendWith(CentralStoreExtension.class)
class OutboxPushBenchmark {
    private static final int EVENTS = 10_000;

    @Test
    void pushTenThousandQueuedAuditEvents(CentralStoreServer store, @TempDir Path dir) throws Exception {
        store.startServer();
        warmUp(store, dir.resolve("warm-up"));
        Result batched = run(store, dir.resolve("batched"), 50);
        Result single = run(store, dir.resolve("single"), 1);
        String figures = String.format(Locale.ROOT,
                "10,000 queued audit events pushed to the central store (Parse Server 9.10.0, PostgreSQL 15, loopback)%n"
                        + "  /batch, 50 a request: %6.2f s  (%d requests, %,.0f events/s)%n"
                        + "  one request per event: %6.2f s  (%d requests, %,.0f events/s)%n"
                        + "  ratio: %.1fx%n",
                batched.seconds(), batched.requests(), EVENTS / batched.seconds(), single.seconds(), single.requests(),
                EVENTS / single.seconds(), single.seconds() / batched.seconds());
        System.out.print(figures);
        Files.writeString(Path.of("target", "outbox-push-benchmark.txt"), figures);
    }

    private static Result run(CentralStoreServer store, Path dir, int perRequest) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(EVENTS);
            CentralSession session = ws.signIn();
            OutboxPusher pusher = ws.sync().pusher(perRequest);
            long start = System.nanoTime();
            PushReport report = pusher.push(ws.client(), session);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(ws.outboxSize()).isZero();
            ws.assertEverythingArrivedOnceInOrder();
            return new Result(seconds, report.requests());
        }
    }

    /** The first requests after a start pay for schema caches and JIT on both sides; not what is measured. */
    private static void warmUp(CentralStoreServer store, Path dir) throws Exception {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            ws.queueAuditEvents(1_000);
            ws.sync().pusher(50).push(ws.client(), ws.signIn());
        }
    }

    private record Result(double seconds, int requests) {
    }
}
