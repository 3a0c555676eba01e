package org.lightbox.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightbox.audit.AuditLog;
import org.lightbox.dicom.DicomDirReader;
import org.lightbox.dicom.DicomHeaderReader;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.request.RequestRecords;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;

/**
 * Brings DICOM files into the workstation, whatever way they came (import, Storage SCP, PACS
 * retrieve): headers are read in parallel, bad files quarantined with their reason, good ones
 * copied into the managed store and indexed batch by batch, each batch in one transaction, each
 * new study matched to its request. Safe to call from several threads at once.
 */
public final class DicomImporter {
    /** Files per transaction: big enough to amortise the commit, small enough for a responsive Cancel. */
    static final int BATCH_SIZE = 500;

    private final Database database;
    private final ManagedStore store;
    private final Quarantine quarantine;
    private final AuditLog audit;
    private final SourceFiles sources = new SourceFiles(new DicomDirReader());
    private final HeaderReads headers;
    private final StudyIndexer indexer;
    private final int readers = Math.max(2, Runtime.getRuntime().availableProcessors());

    public DicomImporter(Database database, ManagedStore store, Quarantine quarantine, RequestRecords requests,
            RequestLifecycle lifecycle, AuditLog audit, Outbox outbox, Clock clock) {
        this(database, store, quarantine, requests, lifecycle, audit, outbox, clock, true);
    }

    /**
     * @param copyIntoStore false only for the header-indexing benchmark, which compares reading and
     *                      indexing headers with tools that copy nothing; the index then names files
     *                      that are not in the store
     */
    DicomImporter(Database database, ManagedStore store, Quarantine quarantine, RequestRecords requests,
            RequestLifecycle lifecycle, AuditLog audit, Outbox outbox, Clock clock, boolean copyIntoStore) {
        this.database = database;
        this.store = store;
        this.quarantine = quarantine;
        this.audit = audit;
        this.headers = new HeaderReads(new DicomHeaderReader(), copyIntoStore ? store : null);
        StudyIndex index = new StudyIndex();
        StudyRegistration registration = new StudyRegistration(index, lifecycle, audit, outbox, clock);
        StudyArrival arrival = new StudyArrival(index, new RequestMatcher(requests), registration, audit, outbox, clock);
        this.indexer = new StudyIndexer(database, store, index, arrival, outbox, clock);
    }

    /**
     * Imports files, folders (recursively) and DICOMDIRs. The run's new studies are matched or
     * queued as unmatched with its last batch; a run that is cancelled or fails before then leaves
     * them in the unmatched queue, not registered, until their files are imported again.
     *
     * @param source what the audit trail and quarantine name as the source, e.g. the folder or the sender's AE title
     * @throws org.lightbox.store.StoreException if the data folder cannot be written: nothing of the failed batch stays
     */
    public ImportSummary importPaths(Actor actor, List<Path> paths, IngestOrigin origin, String source,
            ImportProgress progress) {
        actor.require(Permission.REGISTER_SCAN);
        SourceFiles.Expanded expanded = sources.expand(paths);
        Tally tally = new Tally();
        expanded.rejected().forEach(r -> reject(actor, origin, source, r, tally));
        List<Path> files = expanded.files();
        FilesRead read = new FilesRead(progress, files.size());
        ExecutorService workers = Executors.newFixedThreadPool(readers, readerThreads());
        HeaderReads.Pending ahead = null;
        try {
            ahead = files.isEmpty() ? null : headers.start(batch(files, 0), workers, read::isCancelled);
            for (int from = 0; from < files.size() && !tally.cancelled; from += BATCH_SIZE) {
                HeaderReads.Pending current = ahead;
                ahead = null; // finished here, whatever happens: not to be waited for again
                HeaderReads.Batch batch = current.finish(read::fileRead);
                int next = from + BATCH_SIZE;
                // The next batch is read while this one is indexed: reading and indexing overlap on two cores.
                ahead = next < files.size() && !read.isCancelled()
                        ? headers.start(batch(files, next), workers, read::isCancelled) : null;
                importBatch(actor, origin, source, batch, next >= files.size(), read, tally);
            }
            if (!tally.cancelled && !tally.registered) {
                indexer.finishRun(actor, origin, source, tally.runStudies);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tally.cancelled = true;
        } finally {
            discardUnindexed(ahead);
            workers.shutdownNow();
        }
        tally.unmatched = indexer.unmatchedAmong(tally.runStudies).size();
        ImportSummary summary = tally.summary();
        if (origin == IngestOrigin.IMPORT) {
            database.update(tx -> audit.append(tx, actor, IngestAction.IMPORT_FINISHED, "Import", source, Map.of(
                    "indexed", summary.indexed(), "duplicates", summary.duplicates(), "studies", summary.studies(),
                    "rejected", summary.rejected().size(), "cancelled", summary.cancelled())));
        }
        return summary;
    }

    private static List<Path> batch(List<Path> files, int from) {
        return files.subList(from, Math.min(files.size(), from + BATCH_SIZE));
    }

    /**
     * A batch read ahead that is not indexed, because the import was cancelled or failed: its
     * staged copies go. Waits for its reads, which skip what has not begun once cancelled.
     */
    private void discardUnindexed(HeaderReads.Pending ahead) {
        if (ahead == null) {
            return;
        }
        try {
            discardStaged(ahead.finish(() -> { }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the import already failed or stopped; this batch's reads add nothing to say
        }
    }

    private void discardStaged(HeaderReads.Batch read) {
        read.readable().stream().filter(h -> h.staged() != null).forEach(h -> store.discardStaged(h.staged()));
    }

    private void importBatch(Actor actor, IngestOrigin origin, String source, HeaderReads.Batch read, boolean lastBatch,
            FilesRead progress, Tally tally) {
        if (progress.isCancelled()) {
            // Cancel answers within a batch: this one is dropped whole; the earlier ones stay, unregistered.
            discardStaged(read);
            tally.cancelled = true;
            return;
        }
        read.rejected().forEach(r -> reject(actor, origin, source, r, tally));
        for (ReadHeader h : read.readable()) {
            tally.studies.add(h.header().study().instanceUid());
            tally.series.add(h.header().series().instanceUid());
        }
        if (!read.readable().isEmpty()) {
            StudyIndexer.Outcome outcome = indexer.index(actor, origin, source, read.readable(), tally.runStudies,
                    lastBatch);
            outcome.refused().forEach(r -> reject(actor, origin, source, r, tally));
            tally.indexed += outcome.indexed();
            tally.duplicates += outcome.duplicates();
            tally.runStudies.addAll(outcome.studyIds());
            tally.registered = lastBatch;
        }
    }

    /** An imported file is named by its path; a received one by its sender, since its spool path means nothing. */
    private void reject(Actor actor, IngestOrigin origin, String runSource, HeaderReads.Rejected rejected, Tally tally) {
        tally.rejected.add(rejected.why());
        String source = origin == IngestOrigin.IMPORT ? rejected.file().toString() : runSource;
        quarantine.admit(actor, rejected.file(), source, origin, rejected.why());
    }

    private static java.util.concurrent.ThreadFactory readerThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "dicom-header-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Counts the files read so far, for a progress bar that moves with each file. */
    private static final class FilesRead {
        private final ImportProgress progress;
        private final int total;
        private int done;

        FilesRead(ImportProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void fileRead() {
            progress.advanced(++done, total);
        }

        boolean isCancelled() {
            return progress.isCancelled();
        }
    }

    /** Running totals of one import. */
    private static final class Tally {
        final Set<String> studies = new HashSet<>();
        final Set<String> series = new HashSet<>();
        final Set<String> runStudies = new LinkedHashSet<>();
        final List<Rejection> rejected = new ArrayList<>();
        int indexed;
        int duplicates;
        int unmatched;
        boolean cancelled;
        boolean registered;

        ImportSummary summary() {
            return new ImportSummary(indexed, duplicates, studies.size(), series.size(), unmatched, rejected, cancelled);
        }
    }
}
