package org.lightbox.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/** Looks requests up, and opens one for a user: a patient record seen is an audited access. */
public final class RequestRecords {
    private final Database database;
    private final AuditLog audit;
    private final RequestRepository repository = new RequestRepository();

    public RequestRecords(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    public Optional<ImagingRequest> byId(String requestId) {
        return database.read(c -> repository.byId(c, requestId));
    }

    public Optional<ImagingRequest> byAccession(String accession) {
        return database.read(c -> repository.byAccession(c, accession));
    }

    /** The request with its studies; refused to users who may not see it; the access is audited. */
    public RequestDetails open(Actor actor, String requestId) {
        return database.write(tx -> {
            ImagingRequest request = repository.byId(tx, requestId)
                    .orElseThrow(() -> new DomainException("No imaging request " + requestId));
            boolean allowed = actor.can(Permission.VIEW_WORKLIST)
                    || actor.can(Permission.READ_RELEASED_REPORTS) && request.status() == RequestStatus.RELEASED;
            if (!allowed) {
                throw new PermissionDeniedException(actor.displayName() + " (" + actor.rolesText()
                        + ") may not open a request that is " + request.status().label().toLowerCase());
            }
            List<StudySummary> studies = Sql.list(tx, "SELECT id, study_instance_uid, modality, description, performed_at,"
                            + " series_count, instance_count FROM dicom_study WHERE request_id = ? ORDER BY performed_at",
                    r -> new StudySummary(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Sql.instant(r, "performed_at"), r.getInt(6), r.getInt(7)), requestId);
            audit.append(tx, actor, RequestAction.REQUEST_OPENED, "ImagingRequest", requestId,
                    Map.of("accession", request.accession().value()));
            return new RequestDetails(request, studies);
        });
    }
}
