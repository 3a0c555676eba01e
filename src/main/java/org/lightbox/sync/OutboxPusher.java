package org.lightbox.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the central store in the order the changes were made, a batch at a time.
 * Object ids are chosen on the workstation, so a change whose answer was lost (timeout, server killed
 * after saving) is simply sent again: a repeated create answers 137 "duplicate value", which means
 * "already there", and a repeated update writes the same state twice. Nothing is doubled or lost.
 * An update sends only the fields this workstation changed ({@link KnownServerState}): a status change
 * never carries stale scheduling over a newer one on the server.
 */
public final class OutboxPusher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPusher.class);
    private static final int LOOKAHEAD = 200;

    private final PendingChanges pending;
    private final KnownServerState known;
    private final ObjectMapper json;
    private final int maxOperations;

    /** {@code maxOperations} 1 sends one plain request per change (the benchmark's baseline); otherwise {@code /batch}. */
    OutboxPusher(PendingChanges pending, KnownServerState known, ObjectMapper json, int maxOperations) {
        this.pending = pending;
        this.known = known;
        this.json = json;
        this.maxOperations = maxOperations;
    }

    /**
     * Sends everything waiting. Returns what happened; throws {@link CentralStoreException} when the
     * server cannot be reached or the session is no longer valid, after keeping whatever did arrive.
     */
    public PushReport push(CentralStoreClient client, CentralSession session) {
        PushReport report = PushReport.NOTHING;
        while (true) {
            List<OutboxItem> batch = BatchPlan.next(pending.nextWaiting(LOOKAHEAD), maxOperations);
            if (batch.isEmpty()) {
                return report;
            }
            List<Outgoing> outgoing = batch.stream().map(this::outgoing).toList();
            List<Outgoing> travelling = outgoing.stream().filter(Outgoing::travels).toList();
            List<BatchResult> answers;
            try {
                answers = travelling.isEmpty() ? List.of() : send(client, session, travelling);
            } catch (CentralStoreException e) {
                if (e.kind().isTransient()) {
                    pending.attempted(travelling.stream().map(o -> o.item().seq()).toList(), e.getMessage());
                }
                throw e;
            }
            report = report.plus(settle(outgoing, answers, travelling.isEmpty() ? 0 : 1));
        }
    }

    private List<BatchResult> send(CentralStoreClient client, CentralSession session, List<Outgoing> travelling) {
        List<BatchOperation> operations = travelling.stream().map(Outgoing::operation).toList();
        if (operations.size() > 1 || maxOperations > 1) {
            return client.batch(operations, session.token());
        }
        BatchOperation op = operations.get(0);
        try {
            if (op.method().equals("POST")) {
                client.post(op.path(), session.token(), op.body());
            } else {
                client.put(op.path(), session.token(), op.body());
            }
            return List.of(BatchResult.ok());
        } catch (CentralStoreException e) {
            if (e.kind() == CentralStoreException.Kind.REFUSED) {
                return List.of(BatchResult.error(e.parseCode(), e.getMessage()));
            }
            throw e;
        }
    }

    /**
     * Applies the per-operation answers: arrived ones leave the outbox (and their fields become the
     * server's known version), refused ones are set aside. A change with nothing to send has arrived.
     */
    private PushReport settle(List<Outgoing> outgoing, List<BatchResult> answers, int requests) {
        List<Outgoing> delivered = new ArrayList<>();
        List<Long> retryLater = new ArrayList<>();
        int created = 0;
        int alreadyThere = 0;
        int refused = 0;
        CentralStoreException stop = null;
        int answer = 0;
        for (Outgoing o : outgoing) {
            OutboxItem item = o.item();
            BatchResult result = o.travels() ? answers.get(answer++) : BatchResult.ok();
            if (result.success()) {
                delivered.add(o);
                created++;
            } else if (result.code() == ParseErrors.DUPLICATE_VALUE && item.isCreate()) {
                // Our own earlier attempt arrived but its answer did not: the object is there.
                delivered.add(o);
                alreadyThere++;
            } else if (result.code() == ParseErrors.INVALID_SESSION_TOKEN) {
                stop = new CentralStoreException(CentralStoreException.Kind.SESSION_EXPIRED, result.code(), result.error(), null);
            } else if (ParseErrors.isTransient(result.code())) {
                retryLater.add(item.seq());
                stop = new CentralStoreException(CentralStoreException.Kind.SERVER_FAILED, result.code(), result.error(), null);
            } else {
                LOG.warn("Central store refused {} {} {}: {} {}", item.operation(), item.className(), item.objectId(),
                        result.code(), result.error());
                pending.refused(item.seq(), result.code() + ": " + result.error());
                refused++;
            }
        }
        pending.delivered(delivered.stream().map(o -> o.item().seq()).toList(), tx -> {
            for (Outgoing o : delivered) {
                if (o.travels()) {
                    known.pushed(tx, o.item().className(), o.item().objectId(), o.operation().body());
                }
            }
        });
        if (!retryLater.isEmpty()) {
            pending.attempted(retryLater, stop.getMessage());
        }
        if (stop != null) {
            throw stop;
        }
        return new PushReport(created, alreadyThere, refused, requests);
    }

    /** What goes up for one change: a create with its id, or only the fields changed since the server's known version. */
    private Outgoing outgoing(OutboxItem item) {
        ObjectNode payload;
        try {
            payload = (ObjectNode) json.readTree(item.payload());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Outbox item " + item.seq() + " holds no JSON object", e);
        }
        if (item.isCreate()) {
            payload.put("objectId", item.objectId());
            return new Outgoing(item, new BatchOperation("POST", "/classes/" + item.className(), payload));
        }
        ObjectNode changed = known.changedFields(item.className(), item.objectId(), payload);
        return new Outgoing(item, changed.isEmpty() ? null
                : new BatchOperation("PUT", "/classes/" + item.className() + "/" + item.objectId(), changed));
    }

    /** One queued change and the operation that carries it; none when the server already has every field. */
    private record Outgoing(OutboxItem item, BatchOperation operation) {
        boolean travels() {
            return operation != null;
        }
    }
}
