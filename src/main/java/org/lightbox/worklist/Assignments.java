package org.lightbox.worklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.UserAccount;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Role;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;

/** Who is to read a study: radiologists take studies for themselves; an administrator assigns anyone's. */
public final class Assignments {
    private final Database database;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final WorklistItemRepository repository = new WorklistItemRepository();

    public Assignments(Database database, UserDirectory users, AuditLog audit, Outbox outbox, Clock clock) {
        this.database = database;
        this.users = users;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public WorklistItem assignToMe(Actor actor, String requestId) {
        actor.requirePerson(Permission.TAKE_ASSIGNMENT);
        return database.write(tx -> {
            WorklistItem item = readable(tx, requestId);
            if (actor.userId().equals(item.assigneeId())) {
                return item;
            }
            if (item.assigneeId() != null) {
                throw new DomainException("Already assigned to " + nameOf(item.assigneeId())
                        + "; they or an administrator must release it first");
            }
            return assign(tx, actor, item, actor.userId());
        });
    }

    /** An administrator assigns a study to a radiologist. */
    public WorklistItem assignTo(Actor actor, String requestId, String radiologistId) {
        actor.require(Permission.ASSIGN_OTHERS);
        UserAccount target = users.findById(radiologistId).filter(UserAccount::active)
                .orElseThrow(() -> new DomainException("No active user to assign to"));
        if (!target.roles().contains(Role.RADIOLOGIST)) {
            throw new DomainException(target.displayName() + " is not a radiologist");
        }
        return database.write(tx -> assign(tx, actor, readable(tx, requestId), radiologistId));
    }

    /** Gives the study back to the pool: its assignee may, and so may an administrator. */
    public WorklistItem release(Actor actor, String requestId) {
        return database.write(tx -> {
            WorklistItem item = repository.requireByRequest(tx, requestId);
            if (item.assigneeId() == null) {
                return item;
            }
            if (!item.assigneeId().equals(actor.userId()) && !actor.can(Permission.ASSIGN_OTHERS)) {
                throw new DomainException("Assigned to " + nameOf(item.assigneeId()) + ": only they or an administrator can release it");
            }
            WorklistItem released = item.withAssignee(null);
            repository.save(tx, released, false, clock.instant(), outbox);
            audit.append(tx, actor, WorklistAction.UNASSIGNED, WorklistItemRepository.CLASS_NAME, item.id(),
                    Map.of("requestId", requestId, "previousAssignee", item.assigneeId()));
            return released;
        });
    }

    private WorklistItem readable(Connection tx, String requestId) throws SQLException {
        WorklistItem item = repository.requireByRequest(tx, requestId);
        if (!item.status().awaitsReading()) {
            throw new DomainException("This study is " + item.status().label().toLowerCase() + ": there is nothing left to read");
        }
        return item;
    }

    private WorklistItem assign(Connection tx, Actor actor, WorklistItem item, String assigneeId) throws SQLException {
        WorklistItem assigned = item.withAssignee(assigneeId);
        String reader = item.lockHolderId();
        boolean takenFromReader = reader != null && !reader.equals(assigneeId);
        if (takenFromReader) {
            // The study now belongs to someone else: the previous reader's lock goes, so that the new
            // assignee can open it and the previous reader's editor stops writing.
            assigned = assigned.withLock(null, null);
        }
        repository.save(tx, assigned, false, clock.instant(), outbox);
        audit.append(tx, actor, WorklistAction.ASSIGNED, WorklistItemRepository.CLASS_NAME, item.id(),
                Map.of("requestId", item.requestId(), "assigneeId", assigneeId));
        if (takenFromReader) {
            audit.append(tx, actor, WorklistAction.LOCK_BROKEN, WorklistItemRepository.CLASS_NAME, item.id(),
                    Map.of("requestId", item.requestId(), "previousHolder", reader, "reason", "reassigned to " + nameOf(assigneeId)));
        }
        return assigned;
    }

    private String nameOf(String userId) {
        return users.findById(userId).map(UserAccount::displayName).orElse("another user");
    }
}
