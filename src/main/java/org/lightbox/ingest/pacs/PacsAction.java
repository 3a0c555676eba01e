package org.lightbox.ingest.pacs;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about the PACS: who looked for whose studies, and what was brought in. */
enum PacsAction implements AuditAction {
    QUERIED("pacs.queried"),
    RETRIEVED("pacs.retrieved");

    private final String code;

    PacsAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
