package org.lightbox.worklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Priority;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Outbox;
import org.lightbox.store.SettingsStore;

/** Puts performed requests on the reading worklist, with a due time from their priority. */
public final class WorklistItems {
    private final SettingsStore settings;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final WorklistItemRepository repository = new WorklistItemRepository();

    public WorklistItems(SettingsStore settings, AuditLog audit, Outbox outbox, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DueTimeRules dueTimeRules() {
        return settings.read(DueTimeRules.KEY, DueTimeRules.class, DueTimeRules.DEFAULTS);
    }

    /** Called inside the transaction that marks the request performed. */
    public WorklistItem open(Connection tx, Actor actor, String requestId, Priority priority, Instant performedAt)
            throws SQLException {
        Optional<WorklistItem> existing = repository.byRequest(tx, requestId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant due = performedAt.plus(dueTimeRules().dueAfter(priority));
        WorklistItem item = new WorklistItem(Ids.newId(), requestId, null, "", RequestStatus.PERFORMED, due, null, null);
        repository.save(tx, item, true, clock.instant(), outbox);
        audit.append(tx, actor, WorklistAction.ITEM_OPENED, WorklistItemRepository.CLASS_NAME, item.id(),
                Map.of("requestId", requestId, "dueAt", due.toString()));
        return item;
    }

    /** Keeps the item's status in step with its request's, inside the transaction that changed the request. */
    public void requestMovedTo(Connection tx, String requestId, RequestStatus status) throws SQLException {
        Optional<WorklistItem> item = repository.byRequest(tx, requestId);
        if (item.isPresent()) {
            WorklistItem moved = item.get().withStatus(status);
            if (status == RequestStatus.REPORTED || status.isClosed()) {
                // A signed or cancelled study is no longer being read: its lock goes with it.
                moved = moved.withLock(null, null);
            }
            repository.save(tx, moved, false, clock.instant(), outbox);
        }
    }
}
