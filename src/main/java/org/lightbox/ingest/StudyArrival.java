package org.lightbox.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.store.Outbox;

/**
 * Registers the new studies of an ingest run once all the run's files are indexed, inside the
 * transaction of its last batch: each is audited as received, then matched to its request (which
 * becomes performed and goes on the worklist) or queued as unmatched with the reason, and queued for
 * the central store. A run that stops before its end (Cancel, a crash, a full disk) registers
 * nothing, so no study reaches the worklist with only part of its files.
 */
final class StudyArrival {
    private final StudyIndex index;
    private final RequestMatcher matcher;
    private final StudyRegistration registration;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    StudyArrival(StudyIndex index, RequestMatcher matcher, StudyRegistration registration, AuditLog audit, Outbox outbox,
            Clock clock) {
        this.index = index;
        this.matcher = matcher;
        this.registration = registration;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers those of the run's studies that wait for it; a study registered before is left as it is. */
    void register(Connection tx, Actor actor, IngestOrigin origin, String source, Collection<String> runStudyIds)
            throws SQLException {
        Instant now = clock.instant();
        for (IndexedStudy study : index.unregisteredAmong(tx, runStudyIds)) {
            index.markRegistered(tx, study.id(), now);
            received(tx, actor, origin, source, study.registeredAt(now), now);
        }
    }

    /** Of the run's studies, the Study Instance UIDs of those that wait in the unmatched queue. */
    Set<String> unmatchedAmong(Connection c, Collection<String> runStudyIds) throws SQLException {
        Set<String> unmatched = new HashSet<>();
        for (String id : runStudyIds) {
            index.studyById(c, id).filter(s -> !s.isMatched()).ifPresent(s -> unmatched.add(s.studyInstanceUid()));
        }
        return unmatched;
    }

    private void received(Connection tx, Actor actor, IngestOrigin origin, String source, IndexedStudy study, Instant now)
            throws SQLException {
        audit.append(tx, actor, IngestAction.STUDY_RECEIVED, StudyPayload.CLASS_NAME, study.id(),
                Map.of("studyInstanceUid", study.studyInstanceUid(), "accession", study.accession(),
                        "origin", origin.code(), "source", source, "instances", study.instanceCount()));
        MatchDecision decision = matcher.decide(study.accession(), study.identity());
        if (decision instanceof MatchDecision.Matched matched) {
            // Created and attached in one go: the central store first hears of it as created.
            outbox.enqueue(tx, StudyPayload.CLASS_NAME, study.id(), Outbox.Operation.CREATE,
                    StudyPayload.fill(outbox.newPayload(), study));
            registration.attach(tx, actor, study, matched.request(), IngestAction.STUDY_MATCHED, Map.of("how", "automatic"));
            return;
        }
        String reason = ((MatchDecision.Unmatched) decision).reason();
        index.markUnmatched(tx, study.id(), reason, now);
        audit.append(tx, actor, IngestAction.STUDY_UNMATCHED, StudyPayload.CLASS_NAME, study.id(),
                Map.of("studyInstanceUid", study.studyInstanceUid(), "reason", reason));
        outbox.enqueue(tx, StudyPayload.CLASS_NAME, study.id(), Outbox.Operation.CREATE,
                StudyPayload.fill(outbox.newPayload(), study.unmatchedFor(reason)));
    }
}
