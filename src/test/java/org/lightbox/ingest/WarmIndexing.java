package org.lightbox.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.domain.Actor;

/**
 * The steady-state half of the header-indexing benchmark (packaging/dev/bench-indexing): a running
 * workstation, its JIT warmed by importing another folder first (as the window or {@code listen}
 * would have been), runs the real importer over the corpus and prints the seconds it took.
 * {@code headers} leaves out the copy into the managed store, to compare with tools that copy
 * nothing; {@code import} is the whole import.
 *
 * <pre>java -cp ... org.lightbox.ingest.WarmIndexing headers|import DATA_DIR WARMUP_FOLDER CORPUS_FOLDER</pre>
 */
public final class WarmIndexing {
    private WarmIndexing() {
    }

    public static void main(String[] args) throws Exception {
        boolean copy = args[0].equals("import");
        try (Workstation ws = Workstation.open(new DataFolder(Files.createDirectories(Path.of(args[1]))))) {
            DicomImporter importer = new DicomImporter(ws.database(), ws.dicomStore(), ws.quarantine(), ws.requests(),
                    ws.lifecycle(), ws.audit(), ws.outbox(), ws.clock(), copy);
            run(importer, Path.of(args[2]));
            long start = System.nanoTime();
            ImportSummary summary = run(importer, Path.of(args[3]));
            System.out.printf(Locale.ROOT, "%.3f %d%n", (System.nanoTime() - start) / 1e9, summary.indexed());
        }
    }

    private static ImportSummary run(DicomImporter importer, Path folder) {
        return importer.importPaths(Actor.SYSTEM, List.of(folder), IngestOrigin.IMPORT, folder.toString(),
                ImportProgress.NONE);
    }
}
