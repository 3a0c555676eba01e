package org.lightbox.ingest.pacs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.dicom.net.DimseException;
import org.lightbox.dicom.net.QueryRetrieveScu;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.ingest.StorageScpService;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ingest.UnmatchedStudies;
import org.lightbox.store.Database;
import org.lightbox.store.SettingsStore;

/**
 * Query/retrieve against the PACS set in Settings, for the Scans screen: find studies, bring one in
 * through {@link PacsRetrieval} (so it is indexed and matched to its request like an import). Both
 * need the permission to register scans, and both are audited: a query shows whose studies exist.
 */
public final class PacsQueryRetrieve {
    /** Said wherever the PACS is missing, so the technologist knows whom to ask. */
    public static final String NOT_SET = "No PACS is set up on this workstation. An administrator sets the PACS in"
            + " Settings (Ctrl+,), PACS tab.";
    private static final String EMPTY_QUERY = "Give a patient ID, a name, an accession or a study date to look for";

    private final SettingsStore settings;
    private final PacsRetrieval retrieval;
    private final StorageScpService storageScp;
    private final UnmatchedStudies unmatchedStudies;
    private final Database database;
    private final AuditLog audit;

    public PacsQueryRetrieve(SettingsStore settings, PacsRetrieval retrieval, StorageScpService storageScp,
            UnmatchedStudies unmatchedStudies, Database database, AuditLog audit) {
        this.settings = settings;
        this.retrieval = retrieval;
        this.storageScp = storageScp;
        this.unmatchedStudies = unmatchedStudies;
        this.database = database;
        this.audit = audit;
    }

    /** The PACS as set now; {@link PacsSettings#NONE} when there is none. Read each time, so a change applies at once. */
    public PacsSettings pacs() {
        return settings.read(PacsSettings.KEY, PacsSettings.class, PacsSettings.NONE);
    }

    /** Our AE title and Storage SCP port, the C-MOVE destination. */
    public StorageScpSettings ourSide() {
        return settings.read(StorageScpSettings.KEY, StorageScpSettings.class, StorageScpSettings.DEFAULTS);
    }

    /** @param password the DICOMweb user's password as typed this session; ignored over DIMSE */
    public List<RemoteStudy> find(Actor actor, StudyQuery query, String password) {
        actor.require(Permission.REGISTER_SCAN);
        if (query.isEmpty()) {
            throw new DomainException(EMPTY_QUERY);
        }
        return find(actor, configured(password), ourSide().aeTitle(), query, password);
    }

    /**
     * As {@link #find(Actor, StudyQuery, String)}, on a PACS named for this query rather than the one in
     * Settings (the command line's {@code --dicomweb} or {@code --dimse}), with our AE title for C-FIND.
     */
    public List<RemoteStudy> find(Actor actor, PacsSettings pacs, String ourAeTitle, StudyQuery query, String password) {
        actor.require(Permission.REGISTER_SCAN);
        if (query.isEmpty()) {
            throw new DomainException(EMPTY_QUERY);
        }
        List<RemoteStudy> found;
        try {
            found = pacs.protocol() == PacsProtocol.DICOMWEB
                    ? dicomWeb(pacs, password).searchStudies(query)
                    : new QueryRetrieveScu(ourAeTitle).findStudies(pacs.node(), query);
        } catch (DicomWebException | DimseException e) {
            throw new DomainException(e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pacs", pacs.describe());
        details.put("patientId", query.patientId());
        details.put("patientName", query.patientName());
        details.put("accessionNumber", query.accessionNumber());
        details.put("studyDates", query.studyDateRange());
        details.put("matches", found.size());
        database.update(tx -> audit.append(tx, actor, PacsAction.QUERIED, "Pacs", pacs.describe(), details));
        return found;
    }

    /**
     * Brings {@code study} in: over DICOMweb by WADO-RS, over DIMSE by C-MOVE to our Storage SCP (started
     * for the retrieve and stopped after it when it is off, as {@link PacsRetrieval} does).
     */
    public RetrievedStudy retrieve(Actor actor, RemoteStudy study, String password, RetrieveProgress progress) {
        actor.require(Permission.REGISTER_SCAN);
        PacsSettings pacs = configured(password);
        ImportSummary summary = bringIn(actor, pacs, ourSide(), study.studyInstanceUid(), study.instances(), password,
                progress);
        String reason = unmatchedStudies.queue().stream().filter(s -> s.studyInstanceUid().equals(study.studyInstanceUid()))
                .map(s -> s.unmatchedReason()).findFirst().orElse("");
        audited(actor, pacs, study.studyInstanceUid(), study.patientId(), study.accessionNumber(), summary);
        return new RetrievedStudy(summary, reason);
    }

    /**
     * As {@link #retrieve(Actor, RemoteStudy, String, RetrieveProgress)}, by study UID from a PACS named for
     * this retrieve rather than the one in Settings (the command line's {@code --dicomweb} or {@code --dimse});
     * over DIMSE the C-MOVE goes to {@code us}, our AE title and Storage SCP port.
     */
    public ImportSummary retrieve(Actor actor, PacsSettings pacs, StorageScpSettings us, String studyInstanceUid,
            String password) {
        actor.require(Permission.REGISTER_SCAN);
        ImportSummary summary = bringIn(actor, pacs, us, studyInstanceUid, null, password, RetrieveProgress.NONE);
        audited(actor, pacs, studyInstanceUid, "", "", summary);
        return summary;
    }

    private ImportSummary bringIn(Actor actor, PacsSettings pacs, StorageScpSettings us, String studyInstanceUid,
            Integer expected, String password, RetrieveProgress progress) {
        return pacs.protocol() == PacsProtocol.DICOMWEB
                ? retrieval.retrieveByDicomWeb(actor, dicomWeb(pacs, password), studyInstanceUid, expected, progress)
                : retrieval.retrieveByCMove(actor, pacs.node(), us.aeTitle(), us.port(), studyInstanceUid);
    }

    private void audited(Actor actor, PacsSettings pacs, String studyInstanceUid, String patientId, String accessionNumber,
            ImportSummary summary) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pacs", pacs.describe());
        details.put("patientId", patientId);
        details.put("accessionNumber", accessionNumber);
        details.put("indexed", summary.indexed());
        details.put("unmatched", summary.unmatched());
        details.put("cancelled", summary.cancelled());
        database.update(tx -> audit.append(tx, actor, PacsAction.RETRIEVED, "DicomStudy", studyInstanceUid, details));
    }

    /** Whether a C-MOVE retrieve must start the Storage SCP for itself (it is off). */
    public boolean storageScpIsOff() {
        return !storageScp.isRunning();
    }

    private PacsSettings configured(String password) {
        PacsSettings pacs = pacs();
        if (!pacs.configured()) {
            throw new DomainException(NOT_SET);
        }
        if (pacs.needsPassword() && (password == null || password.isEmpty())) {
            throw new DomainException("Type the password of the PACS user " + pacs.user() + " first");
        }
        return pacs;
    }

    private static DicomWebClient dicomWeb(PacsSettings pacs, String password) {
        return DicomWebClient.connect(pacs.dicomWebUrl(), pacs.user().isEmpty() ? null : pacs.user(), password);
    }
}
