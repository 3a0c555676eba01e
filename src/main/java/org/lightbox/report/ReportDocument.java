package org.lightbox.report;

import java.util.List;
import org.lightbox.request.ImagingRequest;

/**
 * A signed report as it leaves the workstation (PDF, FHIR): the request and patient, the institution,
 * and the signed versions, checked against their hashes.
 */
public record ReportDocument(ImagingRequest request, String institution, String reportId, List<SignedVersion> versions) {
    public ReportDocument {
        versions = List.copyOf(versions);
    }

    /** The newest version that is not an addendum: the report the addenda add to. */
    public SignedVersion mainVersion() {
        return versions.stream().filter(v -> !v.isAddendum()).reduce((a, b) -> b).orElseThrow();
    }

    public List<SignedVersion> addenda() {
        return versions.stream().filter(SignedVersion::isAddendum).toList();
    }

    public SignedVersion latest() {
        return versions.get(versions.size() - 1);
    }
}
