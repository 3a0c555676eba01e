package org.lightbox.viewer;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about the viewer. */
enum ViewerAction implements AuditAction {
    MEASUREMENT_ADDED("measurement.added"),
    MEASUREMENT_DELETED("measurement.deleted"),
    IMAGE_EXPORTED("image.exported");

    private final String code;

    ViewerAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
