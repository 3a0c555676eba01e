package org.lightbox.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.domain.Actor;

/**
 * The child JVM of {@link ImportCrashTest}: imports a folder with the real importer and, once the
 * first batch is committed (the first file of the second batch has been read), says so on stdout
 * and waits there to be killed.
 *
 * <pre>java -cp ... org.lightbox.ingest.ImportUntilKilled DATA_DIR FOLDER</pre>
 */
public final class ImportUntilKilled {
    static final String FIRST_BATCH_COMMITTED = "first batch committed";

    private ImportUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Workstation ws = Workstation.open(new DataFolder(Path.of(args[0])));
        ws.importer().importPaths(Actor.SYSTEM, List.of(Path.of(args[1])), IngestOrigin.IMPORT, args[1], new ImportProgress() {
            @Override
            public void advanced(int filesDone, int filesTotal) {
                if (filesDone == DicomImporter.BATCH_SIZE + 1) {
                    System.out.println(FIRST_BATCH_COMMITTED);
                    System.out.flush();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        throw new IllegalStateException("the import was meant to be killed before it ended");
    }
}
