package org.lightbox.request;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.worklist.WorklistItems;

/**
 * Moves imaging requests through their states. Each move is checked against the state machine and
 * the actor's permissions, audited, queued for the central store, and mirrored on the worklist.
 */
public final class RequestLifecycle {
    private final Database database;
    private final Facilities facilities;
    private final WorklistItems worklistItems;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final RequestRepository repository = new RequestRepository();

    public RequestLifecycle(Database database, Facilities facilities, WorklistItems worklistItems, AuditLog audit, Outbox outbox,
            Clock clock) {
        this.database = database;
        this.facilities = facilities;
        this.worklistItems = worklistItems;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ImagingRequest schedule(Actor actor, String requestId, String modalityId, Instant at) {
        actor.require(Permission.SCHEDULE_REQUEST);
        Modality modality = facilities.modality(modalityId).orElseThrow(() -> new DomainException("Unknown modality"));
        return database.write(tx -> {
            ImagingRequest r = require(tx, requestId);
            if (modality.type() != r.requestedModality()) {
                throw new DomainException(modality.name() + " is a " + modality.type() + "; this request is for " + r.requestedModality());
            }
            return move(tx, actor, r, RequestStatus.SCHEDULED, with(r, RequestStatus.SCHEDULED, modalityId, at, null, null),
                    Map.of("modality", modality.name(), "scheduledAt", at.toString()));
        });
    }

    /** The scan is done: the request goes on the reading worklist with its due time. */
    public ImagingRequest markPerformed(Actor actor, String requestId, Instant performedAt) {
        return database.write(tx -> markPerformed(tx, actor, requestId, performedAt));
    }

    /** As {@link #markPerformed(Actor, String, Instant)}, inside the caller's transaction (registering a scan). */
    public ImagingRequest markPerformed(Connection tx, Actor actor, String requestId, Instant performedAt) throws SQLException {
        actor.require(Permission.REGISTER_SCAN);
        ImagingRequest r = require(tx, requestId);
        ImagingRequest moved = move(tx, actor, r, RequestStatus.PERFORMED,
                with(r, RequestStatus.PERFORMED, r.scheduledModalityId(), r.scheduledAt(), null, performedAt),
                Map.of("performedAt", performedAt.toString()));
        worklistItems.open(tx, actor, requestId, r.priority(), performedAt);
        return moved;
    }

    public ImagingRequest startReading(Connection tx, Actor actor, String requestId) throws SQLException {
        actor.require(Permission.WRITE_REPORT);
        ImagingRequest r = require(tx, requestId);
        return move(tx, actor, r, RequestStatus.IN_READING, with(r, RequestStatus.IN_READING), Map.of());
    }

    public ImagingRequest markReported(Connection tx, Actor actor, String requestId) throws SQLException {
        actor.require(Permission.SIGN_REPORT);
        ImagingRequest r = require(tx, requestId);
        return move(tx, actor, r, RequestStatus.REPORTED, with(r, RequestStatus.REPORTED), Map.of());
    }

    public ImagingRequest release(Actor actor, String requestId) {
        actor.require(Permission.RELEASE_REPORT);
        return database.write(tx -> {
            ImagingRequest r = require(tx, requestId);
            return move(tx, actor, r, RequestStatus.RELEASED, with(r, RequestStatus.RELEASED), Map.of());
        });
    }

    public ImagingRequest cancel(Actor actor, String requestId, String reason) {
        actor.require(Permission.CANCEL_REQUEST);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("Say why the request is cancelled");
        }
        return database.write(tx -> {
            ImagingRequest r = require(tx, requestId);
            return move(tx, actor, r, RequestStatus.CANCELLED,
                    with(r, RequestStatus.CANCELLED, r.scheduledModalityId(), r.scheduledAt(), reason.strip(), r.performedAt()),
                    Map.of("reason", reason.strip()));
        });
    }

    private ImagingRequest move(Connection tx, Actor actor, ImagingRequest from, RequestStatus target, ImagingRequest to,
            Map<String, ?> extra) throws SQLException {
        from.status().checkMoveTo(target);
        Instant now = clock.instant();
        repository.update(tx, to, now);
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("from", from.status().code());
        details.put("to", target.code());
        details.put("accession", from.accession().value());
        audit.append(tx, actor, RequestAction.REQUEST_STATUS_CHANGED, "ImagingRequest", from.id(), details);
        outbox.enqueue(tx, "ImagingRequest", from.id(), Outbox.Operation.UPDATE, RequestPayload.fill(outbox.newPayload(), to));
        worklistItems.requestMovedTo(tx, from.id(), target);
        return to;
    }

    private ImagingRequest require(Connection c, String requestId) throws SQLException {
        return repository.byId(c, requestId).orElseThrow(() -> new DomainException("No imaging request " + requestId));
    }

    private static ImagingRequest with(ImagingRequest r, RequestStatus status) {
        return with(r, status, r.scheduledModalityId(), r.scheduledAt(), r.cancelReason(), r.performedAt());
    }

    private static ImagingRequest with(ImagingRequest r, RequestStatus status, String modalityId, Instant scheduledAt,
            String cancelReason, Instant performedAt) {
        return new ImagingRequest(r.id(), r.accession(), r.patient(), r.orderingClinician(), r.priority(), r.requestedModality(),
                r.description(), r.clinicalIndication(), r.imagingCenterId(), modalityId, scheduledAt, status,
                r.likelyDuplicateOf(), cancelReason, r.orderedAt(), performedAt);
    }
}
