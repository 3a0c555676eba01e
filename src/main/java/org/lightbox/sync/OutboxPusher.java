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
 */
public final class OutboxPusher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPusher.class);
    private static final int LOOKAHEAD = 200;

    private final PendingChanges pending;
    private final ObjectMapper json;
    private final int maxOperations;

    /** {@code maxOperations} 1 sends one plain request per change (the benchmark's baseline); otherwise {@code /batch}. */
    public OutboxPusher(PendingChanges pending, ObjectMapper json, int maxOperations) {
        this.pending = pending;
        this.json = json;
        this.maxOperations = maxOperations;
    }

    public OutboxPusher(PendingChanges pending, ObjectMapper json) {
        this(pending, json, BatchPlan.MAX_OPERATIONS);
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
            List<BatchResult> results;
            try {
                results = send(client, session, batch);
            } catch (CentralStoreException e) {
                if (e.kind().isTransient()) {
                    pending.attempted(batch.stream().map(OutboxItem::seq).toList(), e.getMessage());
                }
                throw e;
            }
            report = report.plus(settle(batch, results));
        }
    }

    private List<BatchResult> send(CentralStoreClient client, CentralSession session, List<OutboxItem> batch) {
        List<BatchOperation> operations = batch.stream().map(this::operation).toList();
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

    /** Applies the per-operation answers: arrived ones leave the outbox, refused ones are set aside. */
    private PushReport settle(List<OutboxItem> batch, List<BatchResult> results) {
        List<Long> delivered = new ArrayList<>();
        List<Long> retryLater = new ArrayList<>();
        int created = 0;
        int alreadyThere = 0;
        int refused = 0;
        CentralStoreException stop = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxItem item = batch.get(i);
            BatchResult result = results.get(i);
            if (result.success()) {
                delivered.add(item.seq());
                created++;
            } else if (result.code() == ParseErrors.DUPLICATE_VALUE && item.isCreate()) {
                // Our own earlier attempt arrived but its answer did not: the object is there.
                delivered.add(item.seq());
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
        pending.delivered(delivered);
        if (!retryLater.isEmpty()) {
            pending.attempted(retryLater, stop.getMessage());
        }
        if (stop != null) {
            throw stop;
        }
        return new PushReport(created, alreadyThere, refused, 1);
    }

    private BatchOperation operation(OutboxItem item) {
        ObjectNode body;
        try {
            body = (ObjectNode) json.readTree(item.payload());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("Outbox item " + item.seq() + " holds no JSON object", e);
        }
        if (item.isCreate()) {
            body.put("objectId", item.objectId());
            return new BatchOperation("POST", "/classes/" + item.className(), body);
        }
        return new BatchOperation("PUT", "/classes/" + item.className() + "/" + item.objectId(), body);
    }
}
