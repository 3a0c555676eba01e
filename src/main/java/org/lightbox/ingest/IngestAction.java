package org.lightbox.ingest;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about images arriving and being attached to requests. */
enum IngestAction implements AuditAction {
    STUDY_RECEIVED("dicom_study.received"),
    STUDY_MATCHED("dicom_study.matched"),
    STUDY_UNMATCHED("dicom_study.unmatched"),
    STUDY_LINKED("dicom_study.linked"),
    FILE_QUARANTINED("dicom_file.quarantined"),
    IMPORT_FINISHED("ingest.import_finished"),
    STORAGE_SCP_STARTED("ingest.storage_scp_started"),
    STORAGE_SCP_STOPPED("ingest.storage_scp_stopped");

    private final String code;

    IngestAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
