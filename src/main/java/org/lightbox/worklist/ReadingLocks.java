package org.lightbox.worklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;

/**
 * Reading locks: one radiologist at a time reads a study. A lock is a lease that the holder renews
 * while reading; an abandoned lock simply expires. An administrator can break one (audited).
 */
public final class ReadingLocks {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Database database;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final WorklistItemRepository repository = new WorklistItemRepository();

    public ReadingLocks(Database database, UserDirectory users, AuditLog audit, Outbox outbox, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Takes the lock, or renews it when the actor already holds it; refused while another holds it. */
    public WorklistItem acquire(Actor actor, String requestId, Duration lease) {
        actor.require(Permission.WRITE_REPORT);
        return database.write(tx -> {
            WorklistItem item = repository.requireByRequest(tx, requestId);
            Instant now = clock.instant();
            if (item.isLockedAt(now) && !actor.userId().equals(item.lockHolderId())) {
                throw new ReadingLockedException("Being read by " + nameOf(item.lockHolderId()) + " (lock expires at "
                        + TIME.format(item.lockExpiresAt().atZone(zone())) + ")");
            }
            boolean fresh = !actor.userId().equals(item.lockHolderId()) || !item.isLockedAt(now);
            WorklistItem locked = item.withLock(actor.userId(), now.plus(lease));
            repository.save(tx, locked, false, now, outbox);
            if (fresh) {
                audit.append(tx, actor, WorklistAction.LOCK_TAKEN, WorklistItemRepository.CLASS_NAME, item.id(),
                        Map.of("requestId", requestId, "leaseSeconds", lease.toSeconds()));
            }
            return locked;
        });
    }

    /**
     * The holder's editor is still used: the lease lasts another idle period. Only the holder renews;
     * a lock that was broken, or taken by someone else once it expired, is not taken back.
     */
    public WorklistItem renew(Actor actor, String requestId, Duration lease) {
        actor.require(Permission.WRITE_REPORT);
        return database.write(tx -> {
            WorklistItem item = requireHeld(tx, actor, requestId);
            Instant now = clock.instant();
            WorklistItem renewed = item.withLock(actor.userId(), now.plus(lease));
            repository.save(tx, renewed, false, now, outbox);
            return renewed;
        });
    }

    /**
     * Refuses, saying why, unless the actor still holds the lock. A lease that ran out while nobody
     * else took the study still counts: the reader only paused.
     */
    public WorklistItem requireHeld(Connection tx, Actor actor, String requestId) throws SQLException {
        WorklistItem item = repository.requireByRequest(tx, requestId);
        if (actor.userId() != null && actor.userId().equals(item.lockHolderId())) {
            return item;
        }
        if (item.lockHolderId() != null) {
            throw new ReadingLockLostException(nameOf(item.lockHolderId()) + " holds the reading lock now");
        }
        throw new ReadingLockLostException(lastBreak(tx, item).orElse("Your reading lock was released"));
    }

    /** Who broke the item's lock last, when and why, from the audit trail that recorded it. */
    private Optional<String> lastBreak(Connection tx, WorklistItem item) throws SQLException {
        return Sql.one(tx, "SELECT actor_id, occurred_at, json_extract(details, '$.reason') FROM audit_event"
                        + " WHERE action = ? AND target_class = ? AND target_id = ? ORDER BY seq DESC LIMIT 1",
                r -> "Reading lock broken by " + (r.getString(1) == null ? "Lightbox" : nameOf(r.getString(1))) + " at "
                        + TIME.format(Sql.instant(r, "occurred_at").atZone(zone())) + " (" + r.getString(3) + ")",
                WorklistAction.LOCK_BROKEN.code(), WorklistItemRepository.CLASS_NAME, item.id());
    }

    /** The holder lets go (closing the study); releasing a lock one does not hold is refused. */
    public void release(Actor actor, String requestId) {
        database.update(tx -> {
            WorklistItem item = repository.requireByRequest(tx, requestId);
            if (item.lockHolderId() == null) {
                return;
            }
            if (!item.lockHolderId().equals(actor.userId())) {
                throw new DomainException("The reading lock is held by " + nameOf(item.lockHolderId()) + ", not by you");
            }
            clear(tx, actor, item, WorklistAction.LOCK_RELEASED, Map.of("requestId", requestId));
        });
    }

    /** As {@link #release(Actor, String)}, inside the caller's transaction (a report leaving its reader's hands). */
    public void release(Connection tx, Actor actor, String requestId) throws SQLException {
        WorklistItem item = repository.requireByRequest(tx, requestId);
        if (actor.userId() != null && actor.userId().equals(item.lockHolderId())) {
            clear(tx, actor, item, WorklistAction.LOCK_RELEASED, Map.of("requestId", requestId));
        }
    }

    /** Who else holds an unexpired lock on the request, by name; empty when nobody or the actor does. */
    public Optional<String> heldByAnother(Connection tx, Actor actor, String requestId) throws SQLException {
        Optional<WorklistItem> item = repository.byRequest(tx, requestId);
        if (item.isEmpty() || !item.get().isLockedAt(clock.instant()) || item.get().lockHolderId().equals(actor.userId())) {
            return Optional.empty();
        }
        return Optional.of(nameOf(item.get().lockHolderId()));
    }

    /** An administrator frees a study whose reader left it locked. */
    public void breakLock(Actor actor, String requestId, String reason) {
        actor.require(Permission.BREAK_READING_LOCK);
        if (reason == null || reason.isBlank()) {
            throw new DomainException("Say why the lock is broken; the reason goes in the audit trail");
        }
        database.update(tx -> {
            WorklistItem item = repository.requireByRequest(tx, requestId);
            if (item.lockHolderId() == null) {
                throw new DomainException("Nobody holds a reading lock on this study");
            }
            clear(tx, actor, item, WorklistAction.LOCK_BROKEN,
                    Map.of("requestId", requestId, "previousHolder", item.lockHolderId(), "reason", reason.strip()));
        });
    }

    private void clear(Connection tx, Actor actor, WorklistItem item, WorklistAction action, Map<String, ?> details)
            throws SQLException {
        repository.save(tx, item.withLock(null, null), false, clock.instant(), outbox);
        audit.append(tx, actor, action, WorklistItemRepository.CLASS_NAME, item.id(), details);
    }

    private String nameOf(String userId) {
        return users.findById(userId).map(u -> u.displayName()).orElse("another user");
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
