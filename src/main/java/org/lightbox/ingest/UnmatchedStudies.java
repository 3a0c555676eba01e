package org.lightbox.ingest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.request.RequestRecords;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;

/**
 * The studies that could not be matched to a request, and the technologist's manual link. A link
 * between identities that differ is refused unless the technologist confirms it explicitly; the
 * confirmation and the differences go into the audit trail.
 */
public final class UnmatchedStudies {
    private final Database database;
    private final RequestRecords requests;
    private final StudyIndex index = new StudyIndex();
    private final StudyRegistration registration;
    private final Outbox outbox;

    public UnmatchedStudies(Database database, RequestRecords requests, RequestLifecycle lifecycle, AuditLog audit,
            Outbox outbox, Clock clock) {
        this.database = database;
        this.requests = requests;
        this.outbox = outbox;
        this.registration = new StudyRegistration(index, lifecycle, audit, outbox, clock);
    }

    /** Newest first. */
    public List<IndexedStudy> queue() {
        return database.read(index::unmatched);
    }

    public IndexedStudy study(String studyId) {
        return database.read(c -> index.studyById(c, studyId)).orElseThrow(() -> new DomainException("No study " + studyId));
    }

    /**
     * Requests the study may belong to: those of a patient with the images' Patient ID, or with their
     * name and birth date, that can still take images. Most likely first.
     */
    public List<ImagingRequest> candidates(IndexedStudy study) {
        HeaderIdentity id = study.identity();
        List<String> accessions = database.read(c -> Sql.list(c, "SELECT r.accession FROM imaging_request r"
                        + " JOIN patient p ON p.id = r.patient_id WHERE r.status IN ('scheduled', 'performed', 'in_reading')"
                        + " AND (p.mrn = ? OR (p.family_name = ? COLLATE NOCASE AND p.birth_date = ?))"
                        + " ORDER BY (p.mrn = ?) DESC, r.scheduled_at DESC", r -> r.getString(1), id.patientId(),
                id.name().family(), id.birthDate() == null ? "" : id.birthDate().toString(), id.patientId()));
        return accessions.stream().map(a -> requests.byAccession(a).orElseThrow()).toList();
    }

    /** The comparison for the dialog; the request is named by its accession number. */
    public LinkPreview preview(String studyId, String accession) {
        IndexedStudy study = study(studyId);
        ImagingRequest request = requests.byAccession(accession == null ? "" : accession.strip())
                .orElseThrow(() -> new DomainException("No request with accession number \"" + accession + "\""));
        return new LinkPreview(study, request, IdentityComparison.of(study.identity(), request.patient()),
                RequestMatcher.statusAllowsAttaching(request));
    }

    /**
     * Attaches the study to the request, which becomes performed if it was scheduled.
     *
     * @param identityDifferenceConfirmed the technologist ticked "I have checked: these images belong to
     *                                    this patient"; required when the identities differ
     */
    public IndexedStudy link(Actor actor, String studyId, String requestId, boolean identityDifferenceConfirmed) {
        actor.require(Permission.REGISTER_SCAN);
        return database.write(tx -> {
            IndexedStudy study = index.studyById(tx, studyId).orElseThrow(() -> new DomainException("No study " + studyId));
            ImagingRequest request = requests.byId(requestId)
                    .orElseThrow(() -> new DomainException("No imaging request " + requestId));
            check(study, request);
            IdentityComparison comparison = IdentityComparison.of(study.identity(), request.patient());
            if (!comparison.agrees() && !identityDifferenceConfirmed) {
                throw new DomainException("The images' patient differs from request " + request.accession() + "'s in: "
                        + comparison.differencesText() + ". Check the patient, then confirm explicitly to link anyway.");
            }
            Map<String, Object> how = new LinkedHashMap<>();
            how.put("how", "manual");
            how.put("identityDifferences", comparison.differences().stream().map(Enum::name).sorted().toList());
            how.put("differenceConfirmed", !comparison.agrees());
            how.put("imagesPatientId", study.identity().patientId());
            how.put("imagesPatientName", study.identity().name().raw());
            how.put("importFinished", study.isRegistered());
            if (!study.isRegistered()) {
                // Its import stopped before the end and it never reached the central store: the link registers it as it is.
                outbox.enqueue(tx, StudyPayload.CLASS_NAME, study.id(), Outbox.Operation.CREATE,
                        StudyPayload.fill(outbox.newPayload(), study));
            }
            return registration.attach(tx, actor, study, request, IngestAction.STUDY_LINKED, how);
        });
    }

    private static void check(IndexedStudy study, ImagingRequest request) {
        if (study.isMatched()) {
            throw new DomainException("This study is already attached to a request");
        }
        RequestMatcher.statusAllowsAttaching(request).ifPresent(reason -> {
            throw new DomainException(reason);
        });
    }
}
