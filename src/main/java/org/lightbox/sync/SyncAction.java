package org.lightbox.sync;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about sync. */
enum SyncAction implements AuditAction {
    CONFLICT_SETTLED("sync.conflict_settled"),
    CONFLICT_ACKNOWLEDGED("sync.conflict_acknowledged"),
    CENTRAL_STORE_CONFIGURED("sync.central_store_configured"),
    REFUSED_CHANGES_RETRIED("sync.refused_changes_retried"),
    REVALIDATION_REFUSED("sync.revalidation_refused"),
    CHANGE_PARKED("sync.change_parked"),
    PARKED_CHANGE_APPLIED("sync.parked_change_applied"),
    ACCOUNT_DEACTIVATED("sync.account_deactivated"),
    OFFLINE_SIGN_IN_REFUSED("sync.offline_sign_in_refused");

    private final String code;

    SyncAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
