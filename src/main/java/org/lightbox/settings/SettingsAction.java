package org.lightbox.settings;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about the workstation's settings. */
enum SettingsAction implements AuditAction {
    CHANGED("settings.changed");

    private final String code;

    SettingsAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
