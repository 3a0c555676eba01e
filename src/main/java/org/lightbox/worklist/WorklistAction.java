package org.lightbox.worklist;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about worklist items. */
enum WorklistAction implements AuditAction {
    ITEM_OPENED("worklist.item_created"),
    ASSIGNED("worklist.assigned"),
    UNASSIGNED("worklist.unassigned"),
    LOCK_TAKEN("worklist.lock_taken"),
    LOCK_RELEASED("worklist.lock_released"),
    LOCK_BROKEN("worklist.lock_broken");

    private final String code;

    WorklistAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
