package org.lightbox.request;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about patients and imaging requests. */
enum RequestAction implements AuditAction {
    PATIENT_REGISTERED("patient.registered"),
    REQUEST_CREATED("request.created"),
    REQUEST_STATUS_CHANGED("request.status_changed"),
    REQUEST_OPENED("request.opened"),
    CENTER_ADDED("imaging_center.added"),
    MODALITY_ADDED("modality.added"),
    CENTER_CHANGED("imaging_center.changed"),
    CENTER_DEACTIVATED("imaging_center.deactivated"),
    CENTER_REACTIVATED("imaging_center.reactivated"),
    MODALITY_CHANGED("modality.changed"),
    MODALITY_DEACTIVATED("modality.deactivated"),
    MODALITY_REACTIVATED("modality.reactivated");

    private final String code;

    RequestAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
