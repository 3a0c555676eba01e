package org.lightbox.setup;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about setting a workstation up. */
enum SetupAction implements AuditAction {
    WORKSTATION_SET_UP("workstation.set_up");

    private final String code;

    SetupAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
