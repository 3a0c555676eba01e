package org.lightbox.bench.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.lightbox.sync.CentralSession;
import org.lightbox.sync.OutboxPusher;
import org.lightbox.sync.PushReport;
import org.lightbox.sync.testing.CentralStoreServer;
import org.lightbox.sync.testing.SyncedWorkstation;

/**
 * Queued audit events pushed to a real central store (Parse Server + PostgreSQL on loopback, started
 * here): through /batch, 50 a request, and one request per event, the same number of events on two
 * fresh workstations in the same run. Target: 10,000 batched in at most 10 s. Wall-clock time of a
 * client and a server is not what JMH measures, so this is a bench command, like {@code heap}:
 * <pre>packaging/dev/bench push [events]</pre> (default 10,000). It prints both times and their ratio.
 */
public final class OutboxPushBenchmark {
    private OutboxPushBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("lightbox-push-bench-");
        try (CentralStoreServer store = CentralStoreServer.start()) {
            run(store, dir.resolve("warm-up"), Math.min(events, 1_000), 50);
            Result batched = run(store, dir.resolve("batched"), events, 50);
            Result single = run(store, dir.resolve("single"), events, 1);
            System.out.printf(Locale.ROOT, "%,d queued audit events pushed to the central store (Parse Server, PostgreSQL, loopback)%n"
                            + "  /batch, 50 a request:  %7.2f s  (%,d requests, %,.0f events/s)%n"
                            + "  one request per event: %7.2f s  (%,d requests, %,.0f events/s)%n"
                            + "  ratio: %.1fx%n",
                    events, batched.seconds(), batched.requests(), batched.events() / batched.seconds(), single.seconds(),
                    single.requests(), single.events() / single.seconds(), single.seconds() / batched.seconds());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One fresh workstation with {@code events} queued, drained {@code perRequest} at a time; checked after the clock stops. */
    private static Result run(CentralStoreServer store, Path dir, int events, int perRequest) {
        try (SyncedWorkstation ws = new SyncedWorkstation(dir, store)) {
            // Configuring the central store wrote the first event already.
            ws.queueAuditEvents(events - (int) ws.outboxSize());
            long queued = ws.outboxSize();
            CentralSession session = ws.signIn();
            OutboxPusher pusher = ws.sync().pusher(perRequest);
            long start = System.nanoTime();
            PushReport report = pusher.push(ws.client(), session);
            double seconds = (System.nanoTime() - start) / 1e9;
            ws.assertEverythingArrivedOnceInOrder();
            return new Result(seconds, report.requests(), queued);
        }
    }

    private record Result(double seconds, int requests, long events) {
    }
}
