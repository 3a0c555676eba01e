package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.audit.AuditLog;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.domain.Actor;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.StoreException;

/**
 * Writes one batch of read headers into the index in one transaction: new instances are copied
 * into the managed store and indexed, known SOP Instance UIDs count as duplicates, a study seen
 * for the first time is matched to its request or sent to the unmatched queue. A failure rolls the
 * whole batch back and removes its copies, so a crash never leaves a half-indexed study.
 */
final class StudyIndexer {

    /** What one batch changed. */
    /** @param refused files kept out of the index because their UIDs are indexed for another patient or study */
    record Outcome(int indexed, int duplicates, List<HeaderReads.Rejected> refused, Set<String> unmatchedStudyUids) {
    }

    private final Database database;
    private final ManagedStore store;
    private final StudyIndex index;
    private final RequestMatcher matcher;
    private final StudyRegistration registration;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    StudyIndexer(Database database, ManagedStore store, StudyIndex index, RequestMatcher matcher,
            StudyRegistration registration, AuditLog audit, Outbox outbox, Clock clock) {
        this.database = database;
        this.store = store;
        this.index = index;
        this.matcher = matcher;
        this.registration = registration;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    Outcome index(Actor actor, IngestOrigin origin, String source, List<ReadHeader> headers) {
        List<Path> placed = new ArrayList<>();
        Set<Path> moved = new HashSet<>();
        try {
            return database.write(tx -> indexBatch(tx, actor, origin, source, headers, placed, moved));
        } catch (RuntimeException | Error e) {
            placed.forEach(store::discard);
            throw e;
        } finally {
            // Staged copies never moved into place: the duplicates, or the rest of a failed batch.
            headers.stream().filter(h -> h.staged() != null && !moved.contains(h.staged()))
                    .forEach(h -> store.discardStaged(h.staged()));
        }
    }

    private Outcome indexBatch(Connection tx, Actor actor, IngestOrigin origin, String source, List<ReadHeader> headers,
            List<Path> placed, Set<Path> moved) throws SQLException {
        Instant now = clock.instant();
        Map<String, Optional<IndexedStudy>> studies = new HashMap<>();
        Map<String, Optional<StudyIndex.IndexedSeries>> series = new HashMap<>();
        Map<String, IndexedStudy> touched = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        List<HeaderReads.Rejected> refused = new ArrayList<>();
        Set<String> seen = new HashSet<>(index.indexedAmong(tx,
                headers.stream().map(h -> h.header().instance().sopInstanceUid()).toList()));
        int indexed = 0;
        int duplicates = 0;
        try (StudyIndex.InstanceInserts inserts = index.new InstanceInserts(tx)) {
            for (ReadHeader read : headers) {
                DicomHeader h = read.header();
                if (!studies.containsKey(h.study().instanceUid())) {
                    studies.put(h.study().instanceUid(), index.studyByUid(tx, h.study().instanceUid()));
                }
                if (!series.containsKey(h.series().instanceUid())) {
                    series.put(h.series().instanceUid(), index.seriesByUid(tx, h.series().instanceUid()));
                }
                IndexedStudy study = studies.get(h.study().instanceUid()).orElse(null);
                StudyIndex.IndexedSeries inSeries = series.get(h.series().instanceUid()).orElse(null);
                // Checked before the duplicate test: a resent image that now names another patient is news, not a copy.
                Optional<Rejection> conflict = UidConflicts.check(read.file(), h, study, inSeries);
                if (conflict.isPresent()) {
                    refused.add(new HeaderReads.Rejected(read.file(), conflict.get()));
                    continue;
                }
                if (!seen.add(h.instance().sopInstanceUid())) {
                    duplicates++;
                    continue;
                }
                if (study == null) {
                    study = index.insertStudy(tx, h, performedAt(h, now), now);
                    created.add(study.id());
                    studies.put(h.study().instanceUid(), Optional.of(study));
                }
                touched.putIfAbsent(h.study().instanceUid(), study);
                if (inSeries == null) {
                    inSeries = new StudyIndex.IndexedSeries(index.insertSeries(tx, study.id(), h), study.studyInstanceUid(),
                            study.identity());
                    series.put(h.series().instanceUid(), Optional.of(inSeries));
                }
                Path relative = ManagedStore.relativePath(h);
                place(read, relative);
                moved.add(read.staged());
                placed.add(relative);
                inserts.add(inSeries.id(), h, relative, read.size());
                indexed++;
            }
            inserts.execute();
        }
        return new Outcome(indexed, duplicates, refused,
                afterBatch(tx, actor, origin, source, touched.values(), created, now));
    }

    /** Counts, matching of new studies, and the central store's copy of every study the batch touched. */
    private Set<String> afterBatch(Connection tx, Actor actor, IngestOrigin origin, String source,
            Iterable<IndexedStudy> touched, Set<String> created, Instant now) throws SQLException {
        Set<String> unmatched = new HashSet<>();
        for (IndexedStudy study : touched) {
            index.refreshCounts(tx, study.id(), now);
            boolean isNew = created.contains(study.id());
            IndexedStudy current = isNew ? received(tx, actor, origin, source, study, now) : index.studyById(tx, study.id())
                    .orElseThrow();
            if (!current.isMatched()) {
                unmatched.add(current.studyInstanceUid());
            }
            if (!isNew || !current.isMatched()) {
                outbox.enqueue(tx, StudyPayload.CLASS_NAME, current.id(), isNew ? Outbox.Operation.CREATE
                        : Outbox.Operation.UPDATE, StudyPayload.fill(outbox.newPayload(), current));
            }
        }
        return unmatched;
    }

    /** A study seen for the first time: audited, then matched or queued as unmatched. */
    private IndexedStudy received(Connection tx, Actor actor, IngestOrigin origin, String source, IndexedStudy study,
            Instant now) throws SQLException {
        IndexedStudy counted = index.studyById(tx, study.id()).orElseThrow();
        audit.append(tx, actor, IngestAction.STUDY_RECEIVED, StudyPayload.CLASS_NAME, study.id(),
                Map.of("studyInstanceUid", counted.studyInstanceUid(), "accession", counted.accession(),
                        "origin", origin.code(), "source", source, "instances", counted.instanceCount()));
        MatchDecision decision = matcher.decide(counted.accession(), counted.identity());
        if (decision instanceof MatchDecision.Matched matched) {
            // Created and attached in one go: the central store first hears of it as created.
            outbox.enqueue(tx, StudyPayload.CLASS_NAME, counted.id(), Outbox.Operation.CREATE,
                    StudyPayload.fill(outbox.newPayload(), counted));
            return registration.attach(tx, actor, counted, matched.request(), IngestAction.STUDY_MATCHED,
                    Map.of("how", "automatic"));
        }
        String reason = ((MatchDecision.Unmatched) decision).reason();
        index.markUnmatched(tx, study.id(), reason, now);
        audit.append(tx, actor, IngestAction.STUDY_UNMATCHED, StudyPayload.CLASS_NAME, study.id(),
                Map.of("studyInstanceUid", counted.studyInstanceUid(), "reason", reason));
        return index.studyById(tx, study.id()).orElseThrow();
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
            throw new StoreException("Cannot copy " + read.file() + " into the image store " + store.root() + ": "
                    + e.getMessage(), e);
        }
    }
}
