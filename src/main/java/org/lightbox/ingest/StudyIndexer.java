package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;

/**
 * Writes one batch of read headers into the index in one transaction: new instances are copied
 * into the managed store and indexed, known SOP Instance UIDs count as duplicates, files that
 * contradict the index are refused. A failure rolls the whole batch back and removes its copies.
 * New studies are registered only with the run's last batch (see {@link StudyArrival}), so a crash
 * between batches leaves no study matched, performed or on the worklist with part of its files.
 */
final class StudyIndexer {

    /**
     * What one batch changed.
     *
     * @param refused  files kept out of the index because their UIDs are indexed for another patient or study
     * @param studyIds the studies the batch's files belong to, duplicates included: a study whose run stopped
     *                 after its last file was indexed is registered when its files are imported again
     */
    record Outcome(int indexed, int duplicates, List<HeaderReads.Rejected> refused, Set<String> studyIds) {
    }

    private final Database database;
    private final ManagedStore store;
    private final StudyIndex index;
    private final StudyArrival arrival;
    private final Outbox outbox;
    private final Clock clock;

    StudyIndexer(Database database, ManagedStore store, StudyIndex index, StudyArrival arrival, Outbox outbox, Clock clock) {
        this.database = database;
        this.store = store;
        this.index = index;
        this.arrival = arrival;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param runStudyIds the studies the files of the run's earlier batches belong to
     * @param lastBatch   the run ends with this batch: its studies and the earlier batches' are registered
     *                    in the same transaction
     */
    Outcome index(Actor actor, IngestOrigin origin, String source, List<ReadHeader> headers, Set<String> runStudyIds,
            boolean lastBatch) {
        List<Path> placed = new ArrayList<>();
        Set<Path> moved = new HashSet<>();
        try {
            return database.write(tx -> {
                Outcome outcome = indexBatch(tx, headers, placed, moved);
                if (lastBatch) {
                    Set<String> all = new LinkedHashSet<>(runStudyIds);
                    all.addAll(outcome.studyIds());
                    arrival.register(tx, actor, origin, source, all);
                }
                return outcome;
            });
        } catch (RuntimeException | Error e) {
            placed.forEach(store::discard);
            throw e;
        } finally {
            // Staged copies never moved into place: the duplicates, or the rest of a failed batch.
            headers.stream().filter(h -> h.staged() != null && !moved.contains(h.staged()))
                    .forEach(h -> store.discardStaged(h.staged()));
        }
    }

    /** Registers the run's studies on their own: its last batch had nothing to index. */
    void finishRun(Actor actor, IngestOrigin origin, String source, Set<String> runStudyIds) {
        if (!runStudyIds.isEmpty()) {
            database.update(tx -> arrival.register(tx, actor, origin, source, runStudyIds));
        }
    }

    /** Of the run's studies, those waiting in the unmatched queue (registered or not). */
    Set<String> unmatchedAmong(Set<String> runStudyIds) {
        return database.read(c -> arrival.unmatchedAmong(c, runStudyIds));
    }

    private Outcome indexBatch(Connection tx, List<ReadHeader> headers, List<Path> placed, Set<Path> moved)
            throws SQLException {
        Instant now = clock.instant();
        BatchTargets targets = new BatchTargets(tx, now);
        List<HeaderReads.Rejected> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>(index.indexedAmong(tx,
                headers.stream().map(h -> h.header().instance().sopInstanceUid()).toList()));
        int indexed = 0;
        int duplicates = 0;
        try (StudyIndex.InstanceInserts inserts = index.new InstanceInserts(tx)) {
            for (ReadHeader read : headers) {
                DicomHeader h = read.header();
                // Checked before the duplicate test: a resent image that now names another patient is news, not a copy.
                Optional<Rejection> conflict = UidConflicts.check(read.file(), h, targets.indexedStudy(h),
                        targets.indexedSeries(h));
                if (conflict.isPresent()) {
                    refused.add(new HeaderReads.Rejected(read.file(), conflict.get()));
                    continue;
                }
                if (!seen.add(h.instance().sopInstanceUid())) {
                    targets.alsoBelongsTo(h);
                    duplicates++;
                    continue;
                }
                Path relative = ManagedStore.relativePath(h);
                place(read, relative);
                moved.add(read.staged());
                placed.add(relative);
                inserts.add(targets.seriesFor(h), h, relative, read.size());
                indexed++;
            }
            inserts.execute();
        }
        for (IndexedStudy study : targets.touched()) {
            index.refreshCounts(tx, study.id(), now);
            if (study.isRegistered()) {
                outbox.enqueue(tx, StudyPayload.CLASS_NAME, study.id(), Outbox.Operation.UPDATE,
                        StudyPayload.fill(outbox.newPayload(), index.studyById(tx, study.id()).orElseThrow()));
            }
        }
        return new Outcome(indexed, duplicates, refused, targets.studyIds());
    }

    /** The studies and series of one batch's files, looked up once each, created on first sight. */
    private final class BatchTargets {
        private final Connection tx;
        private final Instant now;
        private final Map<String, Optional<IndexedStudy>> studies = new HashMap<>();
        private final Map<String, Optional<StudyIndex.IndexedSeries>> series = new HashMap<>();
        private final Map<String, IndexedStudy> touched = new LinkedHashMap<>();
        private final Set<String> studyIds = new LinkedHashSet<>();

        BatchTargets(Connection tx, Instant now) {
            this.tx = tx;
            this.now = now;
        }

        IndexedStudy indexedStudy(DicomHeader h) throws SQLException {
            String uid = h.study().instanceUid();
            if (!studies.containsKey(uid)) {
                studies.put(uid, index.studyByUid(tx, uid));
            }
            return studies.get(uid).orElse(null);
        }

        StudyIndex.IndexedSeries indexedSeries(DicomHeader h) throws SQLException {
            String uid = h.series().instanceUid();
            if (!series.containsKey(uid)) {
                series.put(uid, index.seriesByUid(tx, uid));
            }
            return series.get(uid).orElse(null);
        }

        /** The id of the series the instance goes into, creating its study and series as needed. */
        String seriesFor(DicomHeader h) throws SQLException {
            IndexedStudy study = indexedStudy(h);
            if (study == null) {
                study = index.insertStudy(tx, h, performedAt(h, now), now);
                studies.put(h.study().instanceUid(), Optional.of(study));
            }
            touched.putIfAbsent(study.studyInstanceUid(), study);
            studyIds.add(study.id());
            StudyIndex.IndexedSeries inSeries = indexedSeries(h);
            if (inSeries == null) {
                inSeries = new StudyIndex.IndexedSeries(index.insertSeries(tx, study.id(), h), study.studyInstanceUid(),
                        study.identity());
                series.put(h.series().instanceUid(), Optional.of(inSeries));
            }
            return inSeries.id();
        }

        /** A duplicate: nothing is added to its study, but the study is one of the run's. */
        void alsoBelongsTo(DicomHeader h) throws SQLException {
            IndexedStudy study = indexedStudy(h);
            if (study != null) {
                studyIds.add(study.id());
            }
        }

        /** The studies that got instances. */
        Collection<IndexedStudy> touched() {
            return touched.values();
        }

        /** Every study the batch's files belong to. */
        Set<String> studyIds() {
            return studyIds;
        }
    }

    /** Study Date/Time as the modality's local time (PS3.3 C.7.2.1 has no zone); now if the header lacks it. */
    private Instant performedAt(DicomHeader h, Instant now) {
        return h.study().dateTime() == null ? now : h.study().dateTime().atZone(clock.getZone()).toInstant();
    }

    private void place(ReadHeader read, Path relative) {
        if (read.staged() == null) {
            return; // headers-only benchmark: nothing was copied
        }
        try {
            store.place(read.staged(), relative);
        } catch (IOException e) {
            throw store.cannotCopy(read.file(), e);
        }
    }
}
