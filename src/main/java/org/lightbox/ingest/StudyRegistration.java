package org.lightbox.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.store.Outbox;

/**
 * Attaches a study to its request, automatically or by a technologist's hand, inside the
 * transaction that indexed it or linked it: the request becomes performed (which puts it on the
 * reading worklist with its due time), the attachment is audited and queued for the central store.
 * A request already performed (a second series, a late study) keeps its state and performed time.
 */
final class StudyRegistration {
    private final StudyIndex index;
    private final RequestLifecycle lifecycle;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    StudyRegistration(StudyIndex index, RequestLifecycle lifecycle, AuditLog audit, Outbox outbox, Clock clock) {
        this.index = index;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param how details for the audit event: automatic or manual, and any confirmed identity difference */
    IndexedStudy attach(Connection tx, Actor actor, IndexedStudy study, ImagingRequest request, IngestAction action,
            Map<String, ?> how) throws SQLException {
        index.markMatched(tx, study.id(), request.id(), request.patient().id(), clock.instant());
        if (request.status() == RequestStatus.SCHEDULED) {
            lifecycle.markPerformed(tx, actor, request.id(), study.performedAt());
        }
        Map<String, Object> details = new LinkedHashMap<>(how);
        details.put("requestId", request.id());
        details.put("accession", request.accession().value());
        details.put("studyInstanceUid", study.studyInstanceUid());
        details.put("requestStatusBefore", request.status().code());
        audit.append(tx, actor, action, StudyPayload.CLASS_NAME, study.id(), details);
        IndexedStudy attached = index.studyById(tx, study.id()).orElseThrow();
        outbox.enqueue(tx, StudyPayload.CLASS_NAME, study.id(), Outbox.Operation.UPDATE,
                StudyPayload.fill(outbox.newPayload(), attached));
        return attached;
    }
}
