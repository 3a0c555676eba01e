package org.lightbox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.worklist.StatusFilter;
import org.lightbox.worklist.WorklistEntry;
import org.lightbox.worklist.WorklistFilter;
import org.lightbox.worklist.WorklistQuery;
import org.lightbox.worklist.WorklistSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worklist over 100,000 requests: each keystroke in the search box or change of a filter runs
 * {@link WorklistQuery} over the in-memory snapshot (target: p95 <= 20 ms for filter + sort); a change
 * in the store reloads the snapshot in the background ({@code reloadSnapshot}).
 * Run: {@code packaging/dev/bench Worklist}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorklistBenchmark {
    @Param("100000")
    int requests;

    private Path dir;
    private Workstation workstation;
    private WorklistSnapshot snapshot;
    private WorklistQuery query;
    private Actor radiologist;

    @Setup(Level.Trial)
    public void fillTheStore() throws IOException {
        dir = Files.createTempDirectory("lightbox-bench");
        workstation = Workstation.open(new DataFolder(dir), java.time.Clock.systemDefaultZone(), new PasswordHasher(1_000));
        radiologist = workstation.users().create(Actor.SYSTEM, "okafor", "Dr. Okafor", EnumSet.of(Role.RADIOLOGIST),
                "benchmark password".toCharArray()).asActor();
        SyntheticWorklist.fill(workstation.database(), requests, workstation.clock().instant(), radiologist.userId());
        snapshot = workstation.worklist().snapshot();
        query = new WorklistQuery(workstation.clock().getZone());
    }

    @TearDown(Level.Trial)
    public void removeTheStore() throws IOException {
        workstation.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The default view: everything waiting to be read, STAT first then by due time. */
    @Benchmark
    public List<WorklistEntry> toRead() {
        return query.run(snapshot, WorklistFilter.toRead(), radiologist);
    }

    /** The worst case for the scan: every request, any status, with a search word matched in names. */
    @Benchmark
    public List<WorklistEntry> searchAllByName() {
        return query.run(snapshot, new WorklistFilter(false, false, null, StatusFilter.ALL, null, null, "nov"), radiologist);
    }

    /** Several filters together: mine, CT, open, a date range. */
    @Benchmark
    public List<WorklistEntry> mineCtOpenLastWeek() {
        java.time.LocalDate today = java.time.LocalDate.now();
        return query.run(snapshot, new WorklistFilter(true, false, ModalityType.CT, StatusFilter.OPEN, today.minusDays(7), today, ""),
                radiologist);
    }

    /** All requests, no filter: the largest list to sort. */
    @Benchmark
    public List<WorklistEntry> everything() {
        return query.run(snapshot, new WorklistFilter(false, false, null, StatusFilter.ALL, null, null, ""), radiologist);
    }

    /** Reloading the whole snapshot from SQLite after a change (runs off the UI thread). */
    @Benchmark
    public WorklistSnapshot reloadSnapshot() {
        return workstation.worklist().snapshot();
    }
}
