package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lightbox.audit.AuditLog;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.dicom.net.DimseException;
import org.lightbox.dicom.net.StorageScp;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's Storage SCP: when on, modalities and PACS can send images (C-STORE) and check
 * the connection (C-ECHO). What an association delivered is imported as one run by the system
 * user, on one thread of its own so that the network threads are never held up by indexing.
 * Received files stay in the spool folder until they are indexed: a delivery whose indexing failed
 * (or was cut short by a crash) is imported again when the SCP next starts, and files that cannot
 * be read go to the quarantine with their reason.
 */
public final class StorageScpService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageScpService.class);
    /** How the audit trail and the quarantine name files found in the spool when the SCP starts. */
    static final String LEFTOVERS = "Storage SCP: received earlier, not indexed then";

    private final DicomImporter importer;
    private final Path spool;
    private final Database database;
    private final AuditLog audit;
    private final List<Consumer<ImportSummary>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> failureListeners = new CopyOnWriteArrayList<>();
    /** Handed to the indexing thread and not indexed yet: not leftovers, even if the SCP restarts meanwhile. */
    private final Set<Path> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService indexing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "storage-scp-indexing");
        t.setDaemon(true);
        return t;
    });
    private StorageScp running;

    public StorageScpService(DicomImporter importer, Path spool, Database database, AuditLog audit) {
        this.importer = importer;
        this.spool = spool;
        this.database = database;
        this.audit = audit;
    }

    /** @throws DomainException if the AE title is malformed or the port cannot be opened */
    public synchronized void start(Actor actor, String aeTitle, int port) {
        actor.require(Permission.REGISTER_SCAN);
        if (running != null) {
            throw new DomainException("The Storage SCP is already running as " + running.aeTitle() + " on port "
                    + running.port());
        }
        List<Path> leftovers = leftovers(); // listed before any new delivery can arrive
        try {
            running = StorageScp.start(DicomNode.checkedAeTitle(aeTitle), port, spool, this::received);
        } catch (IllegalArgumentException | DimseException e) {
            throw new DomainException(e.getMessage());
        }
        database.update(tx -> audit.append(tx, actor, IngestAction.STORAGE_SCP_STARTED, "StorageScp", aeTitle,
                Map.of("port", port, "leftoverFiles", leftovers.size())));
        if (!leftovers.isEmpty()) {
            log.info("Storage SCP: {} files received earlier are not indexed yet; importing them again", leftovers.size());
            index(LEFTOVERS, leftovers);
        }
    }

    private List<Path> leftovers() {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(Files::isRegularFile).filter(f -> !inFlight.contains(f)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Cannot list the Storage SCP spool folder {}: {}", spool, e.getMessage());
            return List.of();
        }
    }

    public synchronized void stop(Actor actor) {
        if (running == null) {
            return;
        }
        StorageScp stopping = running;
        running = null;
        stopping.close();
        database.update(tx -> audit.append(tx, actor, IngestAction.STORAGE_SCP_STOPPED, "StorageScp",
                stopping.aeTitle(), Map.of("port", stopping.port())));
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /**
     * Waits until every delivery handed over so far is indexed. A delivery is handed over when its
     * association is released, so call this after the sender says it is done (a C-MOVE response).
     */
    public void awaitIndexed() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        indexing.execute(done::countDown);
        done.await();
    }

    /** Told after each delivered batch is indexed, on the indexing thread. */
    public void onImported(Consumer<ImportSummary> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ImportSummary> listener) {
        listeners.remove(listener);
    }

    /** Told, with a message for the technologist, when a delivery could not be indexed; on the indexing thread. */
    public void onFailure(Consumer<String> listener) {
        failureListeners.add(listener);
    }

    public void removeFailureListener(Consumer<String> listener) {
        failureListeners.remove(listener);
    }

    private void received(String callingAeTitle, List<Path> files) {
        index("C-STORE from " + (callingAeTitle.isEmpty() ? "an unnamed AE" : callingAeTitle), files);
    }

    private void index(String source, List<Path> files) {
        inFlight.addAll(files);
        indexing.execute(() -> {
            try {
                ImportSummary summary = importer.importPaths(Actor.SYSTEM, files, IngestOrigin.STORAGE_SCP, source,
                        ImportProgress.NONE);
                files.forEach(StorageScpService::deleteQuietly);
                log.info("Storage SCP: {} ({})", summary.headline(), source);
                listeners.forEach(l -> l.accept(summary));
            } catch (RuntimeException e) {
                // The files stay in the spool folder: nothing received is lost, and the next start imports them.
                log.error("Could not index {} files ({}); they stay in {}", files.size(), source, spool, e);
                String message = "Could not index " + files.size() + (files.size() == 1 ? " image" : " images") + " ("
                        + source + "): " + e.getMessage() + ". They are kept and will be imported again when the"
                        + " Storage SCP next starts.";
                failureListeners.forEach(l -> l.accept(message));
            } finally {
                files.forEach(inFlight::remove);
            }
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {} from the spool folder: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        stop(Actor.SYSTEM);
        if (indexing.isShutdown()) {
            return;
        }
        indexing.shutdown();
        try {
            // Let the last delivery finish indexing before the database closes.
            if (!indexing.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                log.warn("Indexing of received images did not finish; the files stay in {}", spool);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
