package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.domain.Actor;

/**
 * The steady-state half of the header-indexing benchmark (packaging/dev/bench-indexing): the real
 * importer inside one JVM, run over the corpus {@code WARMUP} times and then {@code MEASURED}
 * times, as JMH runs warm-up and measurement iterations. A running workstation (the window, {@code
 * listen}) has its JIT warmed the same way by what it imported before. Every run imports into a
 * fresh data folder, so every run indexes every file anew rather than counting duplicates.
 * Prints, for each measured run, its seconds and the number of files it indexed.
 * {@code headers} leaves out the copy into the managed store, to compare with tools that copy
 * nothing; {@code import} is the whole import.
 *
 * <pre>java -cp ... org.lightbox.ingest.WarmIndexing headers|import WORK_DIR WARMUP MEASURED CORPUS_FOLDER</pre>
 */
public final class WarmIndexing {
    private WarmIndexing() {
    }

    public static void main(String[] args) throws Exception {
        boolean copy = args[0].equals("import");
        Path work = Path.of(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int measured = Integer.parseInt(args[3]);
        Path corpus = Path.of(args[4]);
        for (int run = 0; run < warmup + measured; run++) {
            Path dataFolder = Files.createDirectories(work.resolve("run-" + run));
            try (Workstation ws = Workstation.open(new DataFolder(dataFolder))) {
                DicomImporter importer = new DicomImporter(ws.database(), ws.dicomStore(), ws.quarantine(),
                        ws.requests(), ws.lifecycle(), ws.audit(), ws.outbox(), ws.clock(), copy);
                long start = System.nanoTime();
                ImportSummary summary = importer.importPaths(Actor.SYSTEM, List.of(corpus), IngestOrigin.IMPORT,
                        corpus.toString(), ImportProgress.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                if (run >= warmup) {
                    System.out.printf(Locale.ROOT, "%.3f %d%n", seconds, summary.indexed());
                }
            }
            deleteTree(dataFolder); // a copying run leaves the corpus's size behind each time
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
