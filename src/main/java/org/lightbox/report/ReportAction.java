package org.lightbox.report;

import org.lightbox.audit.AuditAction;

/** What the audit trail records about reports. */
enum ReportAction implements AuditAction {
    DRAFT_CREATED("report.draft_created"),
    AUTHOR_CHANGED("report.author_changed"),
    SUBMITTED_FOR_REVIEW("report.submitted_for_review"),
    SIGNED("report.signed"),
    ADDENDUM_SIGNED("report.addendum_signed"),
    CRITICAL_RESULT_COMMUNICATED("report.critical_result_communicated"),
    RELEASED("report.released"),
    SIGNATURE_REFUSED("report.signature_refused"),
    TEMPLATE_IMPORTED("report.template_imported"),
    TEMPLATE_RETIRED("report.template_retired"),
    TEMPLATE_RESTORED("report.template_restored"),
    MACRO_SAVED("report.macro_saved"),
    MACRO_DELETED("report.macro_deleted"),
    EXPORTED("report.exported");

    private final String code;

    ReportAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
