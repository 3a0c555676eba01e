package org.lightbox.report;

/**
 * What the signer confirms with their password: the text as it stands in the editor, the critical
 * flag, the notice of who was told (required when critical), and whether they accept that unfilled
 * optional or alert fields are left out.
 */
public record SigningRequest(ReportSections sections, boolean critical, CriticalResultNotice notice, boolean leaveOutUnfilled) {
}
