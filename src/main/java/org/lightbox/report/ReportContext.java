package org.lightbox.report;

import java.util.List;
import org.lightbox.request.ImagingRequest;

/**
 * A request as the report pane shows it to one user: its report (null before the first draft), the
 * signed versions, whether this user may edit now or add an addendum to the signed report, and why
 * not when they may not.
 */
public record ReportContext(
        ImagingRequest request,
        Report report,
        List<SignedVersion> versions,
        boolean editable,
        boolean maySignAlone,
        boolean mayFinalize,
        boolean mayAddAddendum,
        String lockedBy,
        String notice) {

    public ReportContext {
        versions = List.copyOf(versions);
    }

    /** The same report, read only: the user lost the study while the editor was open. */
    public ReportContext withWritingStopped(String why) {
        return new ReportContext(request, report, versions, false, maySignAlone, false, mayAddAddendum, null, why);
    }

    public boolean isSigned() {
        return report != null && report.status().isSigned();
    }
}
