package org.lightbox.report;

import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.request.Facilities;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestRecords;
import org.lightbox.store.Database;
import org.lightbox.store.SettingsStore;

/**
 * Assembles a signed report for output. A report whose versions fail their hash check is never put
 * out: a tampered report printed or sent on would be worse than none.
 */
public final class ReportDocuments {
    private final Reporting reporting;
    private final RequestRecords requests;
    private final Facilities facilities;
    private final Database database;
    private final AuditLog audit;
    private final SettingsStore settings;

    public ReportDocuments(Reporting reporting, RequestRecords requests, Facilities facilities, Database database, AuditLog audit,
            SettingsStore settings) {
        this.reporting = reporting;
        this.requests = requests;
        this.facilities = facilities;
        this.database = database;
        this.audit = audit;
        this.settings = settings;
    }

    /** The signed report of the request with this accession, for {@code format} ("pdf", "fhir"); the export is audited. */
    public ReportDocument forAccession(Actor actor, String accession, String format) {
        ImagingRequest request = requests.byAccession(accession == null ? "" : accession.strip())
                .orElseThrow(() -> new DomainException("No imaging request with accession " + accession));
        List<SignedVersion> versions = reporting.signedVersions(actor, request.id());
        if (versions.isEmpty()) {
            throw new DomainException("The report of " + request.accession() + " is not signed yet: there is nothing to put out");
        }
        VersionCheck check = VersionCheck.of(versions);
        if (!check.isIntact()) {
            throw new DomainException("Signed version " + check.firstBrokenVersion() + " of the report of " + request.accession()
                    + " fails its integrity check (" + check.problem() + "); it is not put out. Tell an administrator.");
        }
        String reportId = versions.get(0).reportId();
        String institution = settings.read(InstitutionSettings.KEY, InstitutionSettings.class, InstitutionSettings.DEFAULTS)
                .headerOr(request.imagingCenterId() == null ? "Radiology department"
                        : facilities.center(request.imagingCenterId()).map(ImagingCenter::name).orElse("Radiology department"));
        database.update(tx -> audit.append(tx, actor, ReportAction.EXPORTED, Report.CLASS_NAME, reportId,
                Map.of("format", format, "accession", request.accession().value(), "version", versions.size())));
        return new ReportDocument(request, institution, reportId, versions);
    }
}
