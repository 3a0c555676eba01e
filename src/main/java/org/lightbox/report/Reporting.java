package org.lightbox.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.Authenticator;
import org.lightbox.auth.UserAccount;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Permission;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.ValidationException;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestLifecycle;
import org.lightbox.request.RequestRecords;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.SettingsStore;
import org.lightbox.store.Sql;
import org.lightbox.worklist.Assignments;
import org.lightbox.worklist.ReadingLockLostException;
import org.lightbox.worklist.ReadingLocks;

/**
 * The report's life, from the first draft to the released report. Every rule is checked here, whatever
 * the editor shows: who edits a draft (its author, the assigned radiologist), who signs alone, who
 * finalizes a preliminary report (its reviewer or an administrator), re-authentication before any
 * signature, and signed versions that are only ever added. Each step is one transaction with its
 * audit events and its outbox entries.
 */
public final class Reporting {
    private static final String NO_STUDY_YET = "No images attached yet: write the draft now; it is signed once the scan is registered.";

    private final Database database;
    private final RequestRecords requests;
    private final RequestLifecycle lifecycle;
    private final Assignments assignments;
    private final ReadingLocks locks;
    private final UserDirectory users;
    private final SettingsStore settings;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;
    private final ReportRepository repository = new ReportRepository();
    private final Signatures signatures;

    public Reporting(Database database, RequestRecords requests, RequestLifecycle lifecycle, Assignments assignments,
            ReadingLocks locks, Authenticator authenticator, UserDirectory users, SettingsStore settings, AuditLog audit,
            Outbox outbox, ObjectMapper json, Clock clock) {
        this.database = database;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.assignments = assignments;
        this.locks = locks;
        this.users = users;
        this.settings = settings;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.signatures = new Signatures(database, repository, authenticator, audit, outbox, json, clock);
    }

    public ReportSettings settings() {
        return settings.read(ReportSettings.KEY, ReportSettings.class, ReportSettings.DEFAULTS);
    }

    // ---- Opening -------------------------------------------------------------------------------------------

    /**
     * Opens a request's report for {@code actor}. A radiologist opening a study to read takes it: it is
     * assigned to them if nobody has it, its reading lock is taken, the request moves to in_reading and
     * the draft is created. Anyone else (or a radiologist on a study someone else reads) gets what they
     * may see, read only, with the reason.
     */
    public ReportContext open(Actor actor, String requestId) {
        return database.write(tx -> {
            ImagingRequest request = requireRequest(requestId);
            Optional<Report> existing = repository.byRequest(tx, requestId);
            if (!actor.can(Permission.VIEW_WORKLIST)) {
                requireReleased(actor, request);
                return readOnly(tx, actor, request, existing.orElse(null), null, null);
            }
            Report report = existing.orElse(null);
            if (report != null && report.status().isSigned()) {
                return signedView(tx, actor, request, report);
            }
            if (!request.status().awaitsReading()) {
                return readOnly(tx, actor, request, report, null, report == null ? notYetReadable(request) : null);
            }
            if (report != null && report.status() == ReportStatus.IN_REVIEW) {
                return openForReview(tx, actor, request, report);
            }
            if (!isRadiologist(tx, actor) || !actor.can(Permission.WRITE_REPORT)) {
                return readOnly(tx, actor, request, report, locks.heldByAnother(tx, actor, requestId).orElse(null),
                        "Only a radiologist writes the report.");
            }
            Optional<String> reader = locks.heldByAnother(tx, actor, requestId);
            if (reader.isPresent()) {
                return readOnly(tx, actor, request, report, reader.get(), "Being read by " + reader.get() + ".");
            }
            Optional<String> assignee = assigneeOf(tx, requestId);
            if (assignee.isPresent() && !assignee.get().equals(actor.userId())) {
                return readOnly(tx, actor, request, report, null,
                        "Assigned to " + nameOf(assignee.get()) + ": only they write this report.");
            }
            return startWriting(tx, actor, request, report);
        });
    }

    private ReportContext startWriting(Connection tx, Actor actor, ImagingRequest request, Report existing) throws SQLException {
        String requestId = request.id();
        if (assigneeOf(tx, requestId).isEmpty()) {
            assignments.assignToMe(actor, requestId);
        }
        locks.acquire(actor, requestId, settings().lockLease());
        if (request.status() == RequestStatus.PERFORMED) {
            request = lifecycle.startReading(tx, actor, requestId);
        }
        Instant now = clock.instant();
        Report report = existing;
        if (report == null) {
            ReportSections first = ReportSections.EMPTY.with(ReportSection.INDICATION, request.clinicalIndication());
            report = new Report(Ids.newId(), requestId, repository.firstStudy(tx, requestId).orElse(null), actor.userId(), null,
                    ReportStatus.DRAFT, first, false, null, now, now);
            repository.insert(tx, report);
            audit.append(tx, actor, ReportAction.DRAFT_CREATED, Report.CLASS_NAME, report.id(),
                    Map.of("requestId", requestId, "accession", request.accession().value()));
            enqueue(tx, report, Outbox.Operation.CREATE);
        } else if (!actor.userId().equals(report.authorId())) {
            // The study was reassigned: the draft passes to the radiologist who now has it.
            String previous = report.authorId();
            report = report.withAuthor(actor.userId(), now);
            repository.update(tx, report);
            audit.append(tx, actor, ReportAction.AUTHOR_CHANGED, Report.CLASS_NAME, report.id(),
                    Map.of("previousAuthor", previous, "author", actor.userId()));
            enqueue(tx, report, Outbox.Operation.UPDATE);
        }
        report = attachStudyIfArrived(tx, report);
        String notice = report.studyId() == null ? NO_STUDY_YET : null;
        return new ReportContext(request, report, repository.versions(tx, report.id()), true,
                repository.maySignAlone(tx, actor.userId()), false, false, null, notice);
    }

    /** A draft begun before the images were registered takes the study once it is there. */
    private Report attachStudyIfArrived(Connection tx, Report report) throws SQLException {
        if (report.studyId() != null) {
            return report;
        }
        Optional<String> study = repository.firstStudy(tx, report.requestId());
        if (study.isEmpty()) {
            return report;
        }
        Report attached = report.withStudy(study.get(), clock.instant());
        repository.update(tx, attached);
        enqueue(tx, attached, Outbox.Operation.UPDATE);
        return attached;
    }

    /** A report is signed on the study it reads: never on a request whose images nobody has registered. */
    private Report requireStudy(Connection tx, Report report) throws SQLException {
        Report attached = attachStudyIfArrived(tx, report);
        if (attached.studyId() == null) {
            throw new DomainException("No images are attached to this request yet, and a report is signed on the study it"
                    + " reads: register the scan first. The draft stays as it is.");
        }
        return attached;
    }

    private ReportContext openForReview(Connection tx, Actor actor, ImagingRequest request, Report report) throws SQLException {
        boolean reviewer = actor.userId() != null && actor.userId().equals(report.reviewerId());
        boolean mayFinalize = reviewer || actor.can(Permission.FINALIZE_ANY_REPORT);
        Optional<String> reader = locks.heldByAnother(tx, actor, request.id());
        if (!mayFinalize || reader.isPresent()) {
            String notice = reader.map(r -> "Being read by " + r + ".")
                    .orElse("Preliminary: waiting for review by " + nameOf(report.reviewerId()) + ".");
            return readOnly(tx, actor, request, report, reader.orElse(null), notice);
        }
        locks.acquire(actor, request.id(), settings().lockLease());
        return new ReportContext(request, report, repository.versions(tx, report.id()), reviewer, false, true, false, null,
                reviewer ? null : "Preliminary report for " + nameOf(report.reviewerId()) + " to review; you may finalize it.");
    }

    private ReportContext readOnly(Connection tx, Actor actor, ImagingRequest request, Report report, String lockedBy,
            String notice) throws SQLException {
        List<SignedVersion> versions = report == null ? List.of() : repository.versions(tx, report.id());
        if (report != null && report.status().isWorkingCopy() && !actor.can(Permission.READ_DRAFT_REPORTS)) {
            return new ReportContext(request, report.withoutWorkingText(), versions, false, false, false, false, lockedBy,
                    "The report is " + (report.status() == ReportStatus.DRAFT ? "a draft" : "in review")
                            + ": its text is shown once it is signed.");
        }
        return new ReportContext(request, report, versions, false, false, false, false, lockedBy, notice);
    }

    /** A signed report: read only; an addendum is offered to those who may sign one. */
    private ReportContext signedView(Connection tx, Actor actor, ImagingRequest request, Report report) throws SQLException {
        boolean mayAmend = maySignFinal(tx, actor);
        String notice = !mayAmend && actor.can(Permission.SIGN_REPORT)
                ? "An addendum to this report is signed by a radiologist who may sign alone." : null;
        return new ReportContext(request, report, repository.versions(tx, report.id()), false, false, false, mayAmend, null, notice);
    }

    private static String notYetReadable(ImagingRequest request) {
        return switch (request.status()) {
            case REQUESTED, SCHEDULED -> "Not performed yet: the report is written once the images are in.";
            case CANCELLED -> "This request was cancelled.";
            default -> "No report was written for this request.";
        };
    }

    /**
     * The editor is still open and used: the reading lock lasts another idle period. A broken or lost
     * lock is not taken back ({@link ReadingLockLostException}): the reader opens the study again.
     */
    public void renewLock(Actor actor, String requestId) {
        locks.renew(actor, requestId, settings().lockLease());
    }

    /** The editor closes the study: the lock goes, the draft stays. */
    public void closeReading(Actor actor, String requestId) {
        database.update(tx -> locks.release(tx, actor, requestId));
    }

    // ---- Writing -------------------------------------------------------------------------------------------

    /** Autosave: the working text as typed, nothing trimmed. Local only: drafts reach the central store at each step. */
    public Report saveDraft(Actor actor, String reportId, ReportSections sections, boolean critical) {
        sections.requireWithinLimits();
        return database.write(tx -> {
            Report report = requireReport(tx, reportId);
            requireEditor(actor, report);
            requireStillReading(tx, actor, report);
            Report saved = report.withText(sections, critical, clock.instant());
            repository.update(tx, saved);
            return saved;
        });
    }

    /**
     * The writer still has the study: it was not reassigned to someone else and they hold its reading
     * lock. Otherwise their editor stops writing ({@link ReadingLockLostException}).
     */
    private void requireStillReading(Connection tx, Actor actor, Report report) throws SQLException {
        if (report.status() == ReportStatus.DRAFT) {
            Optional<String> assignee = assigneeOf(tx, report.requestId());
            if (assignee.isPresent() && !assignee.get().equals(actor.userId())) {
                throw new ReadingLockLostException("This study was reassigned to " + nameOf(assignee.get())
                        + ": only they write its report now");
            }
        }
        locks.requireHeld(tx, actor, report.requestId());
    }

    private void requireEditor(Actor actor, Report report) {
        switch (report.status()) {
            case DRAFT -> {
                if (!report.authorId().equals(actor.userId())) {
                    throw new PermissionDeniedException("Only " + nameOf(report.authorId())
                            + ", the assigned radiologist, edits this draft");
                }
            }
            case IN_REVIEW -> {
                if (!report.reviewerId().equals(actor.userId())) {
                    throw new PermissionDeniedException("Only " + nameOf(report.reviewerId())
                            + ", the reviewer, edits this preliminary report");
                }
            }
            case FINAL, AMENDED -> throw new DomainException("This report is signed and never changes: add an addendum instead");
        }
    }

    // ---- Signing -------------------------------------------------------------------------------------------

    /** Radiologists who may review {@code actor}'s preliminary report: active, allowed to sign alone, not the actor. */
    public List<UserAccount> reviewersFor(Actor actor) {
        List<String> ids = database.read(c -> Sql.list(c, "SELECT p.user_id FROM radiologist_profile p JOIN app_user u"
                + " ON u.id = p.user_id WHERE p.active = 1 AND p.may_sign_alone = 1 AND u.active = 1", r -> r.getString(1)));
        return ids.stream().filter(id -> !id.equals(actor.userId())).map(users::findById).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(UserAccount::displayName)).toList();
    }

    /** draft -> in_review: the author signs a preliminary version and hands it to a reviewer. */
    public Report submitForReview(Actor actor, String reportId, String reviewerId, SigningRequest signing, char[] password) {
        actor.require(Permission.SIGN_REPORT);
        signatures.reauthenticate(actor, reportId, password);
        return database.write(tx -> {
            Report report = requireReport(tx, reportId);
            if (report.status() != ReportStatus.DRAFT) {
                throw new DomainException("Only a draft is submitted for review; this report is " + report.status().label().toLowerCase());
            }
            requireEditor(actor, report);
            requireStillReading(tx, actor, report);
            report = requireStudy(tx, report);
            if (reviewerId == null || reviewerId.equals(actor.userId())
                    || reviewersFor(actor).stream().noneMatch(u -> u.id().equals(reviewerId))) {
                throw ValidationException.of("reviewer", "Choose a reviewer: an active radiologist who may sign alone, not yourself");
            }
            ReportSections text = signatures.signableText(signing);
            Report submitted = report.withText(text, signing.critical(), clock.instant())
                    .withStatus(ReportStatus.IN_REVIEW, reviewerId, clock.instant());
            SignedVersion version = signatures.record(tx, actor, submitted, VersionStatus.PRELIMINARY, text, "", signing);
            repository.update(tx, submitted);
            locks.release(tx, actor, report.requestId());
            audit.append(tx, actor, ReportAction.SUBMITTED_FOR_REVIEW, Report.CLASS_NAME, report.id(),
                    Map.of("version", version.version(), "reviewerId", reviewerId, "contentHash", version.contentHash()));
            enqueue(tx, submitted, Outbox.Operation.UPDATE);
            return submitted;
        });
    }

    /**
     * -> final: the author of a draft who may sign alone, or the reviewer (or an administrator) of a
     * preliminary report. The request becomes reported and its reading lock goes.
     */
    public Report sign(Actor actor, String reportId, SigningRequest signing, char[] password) {
        actor.require(Permission.SIGN_REPORT);
        signatures.reauthenticate(actor, reportId, password);
        return database.write(tx -> {
            Report report = requireReport(tx, reportId);
            requireMaySign(tx, actor, report);
            requireStillReading(tx, actor, report);
            report = requireStudy(tx, report);
            ReportSections text = signatures.signableText(signing);
            Report signed = report.withText(text, signing.critical(), clock.instant())
                    .withStatus(ReportStatus.FINAL, report.reviewerId(), clock.instant());
            SignedVersion version = signatures.record(tx, actor, signed, VersionStatus.FINAL, text, "", signing);
            repository.update(tx, signed);
            lifecycle.markReported(tx, actor, report.requestId());
            audit.append(tx, actor, ReportAction.SIGNED, Report.CLASS_NAME, report.id(),
                    Map.of("version", version.version(), "from", report.status().code(), "contentHash", version.contentHash()));
            enqueue(tx, signed, Outbox.Operation.UPDATE);
            return signed;
        });
    }

    private void requireMaySign(Connection tx, Actor actor, Report report) throws SQLException {
        switch (report.status()) {
            case DRAFT -> {
                requireEditor(actor, report);
                if (!repository.maySignAlone(tx, actor.userId())) {
                    throw new PermissionDeniedException(actor.displayName()
                            + " may not sign a final report alone: submit it for review instead");
                }
            }
            case IN_REVIEW -> {
                if (!actor.userId().equals(report.reviewerId()) && !actor.can(Permission.FINALIZE_ANY_REPORT)) {
                    throw new PermissionDeniedException("Only " + nameOf(report.reviewerId())
                            + ", the reviewer, or an administrator finalizes this preliminary report");
                }
            }
            case FINAL, AMENDED -> throw new DomainException("This report is already signed: add an addendum instead");
        }
    }

    /**
     * A signed report gains an addendum: a new version; every earlier version stays as it was. A
     * critical result it reports needs who was told, how and when, as a report's does.
     * <p>
     * Only a radiologist who may sign alone (or an administrator) signs one. An addendum has no
     * preliminary stage: it is final the moment it is signed and reaches the referring physician with
     * the report, so a radiologist whose finals need review asks one who may sign alone to add it,
     * rather than amending a reviewed report unreviewed.
     */
    public Report addAddendum(Actor actor, String reportId, String addendum, CriticalResultNotice notice, char[] password) {
        actor.require(Permission.SIGN_REPORT);
        FormValidation form = new FormValidation();
        if (addendum == null || addendum.isBlank()) {
            form.reject("addendum", "The addendum is empty: write what it adds before signing");
        } else if (addendum.length() > ReportSections.MAX_SECTION_LENGTH) {
            form.reject("addendum", "The addendum is too long (at most " + ReportSections.MAX_SECTION_LENGTH + " characters)");
        }
        if (notice != null) {
            notice.check(clock.instant(), form);
        }
        form.throwIfInvalid();
        signatures.reauthenticate(actor, reportId, password);
        return database.write(tx -> {
            Report report = requireReport(tx, reportId);
            if (!report.status().isSigned()) {
                throw new DomainException("Only a signed report takes an addendum; this one is " + report.status().label().toLowerCase()
                        + " and is still edited directly");
            }
            if (!maySignFinal(tx, actor)) {
                throw new PermissionDeniedException(actor.displayName() + " may not sign an addendum alone: an addendum is final"
                        + " once signed, so a radiologist who may sign alone adds it");
            }
            List<SignedVersion> versions = repository.versions(tx, reportId);
            SignedVersion last = versions.get(versions.size() - 1);
            boolean critical = notice != null;
            Report amended = report.withText(report.sections(), report.critical() || critical, clock.instant())
                    .withStatus(ReportStatus.AMENDED, report.reviewerId(), clock.instant());
            SignedVersion version = signatures.record(tx, actor, amended, VersionStatus.AMENDED, last.sections(), addendum.strip(),
                    new SigningRequest(last.sections(), critical, notice, true));
            repository.update(tx, amended);
            audit.append(tx, actor, ReportAction.ADDENDUM_SIGNED, Report.CLASS_NAME, report.id(),
                    Map.of("version", version.version(), "contentHash", version.contentHash()));
            // Not an update of the Report: on the central store a final report is frozen, and the addendum
            // travels as the new ReportVersion queued by addVersion (status amended).
            return amended;
        });
    }

    /** Whether the actor signs final text without review: a radiologist allowed to sign alone, or an administrator. */
    private boolean maySignFinal(Connection tx, Actor actor) throws SQLException {
        return actor.can(Permission.SIGN_REPORT)
                && (actor.can(Permission.FINALIZE_ANY_REPORT) || repository.maySignAlone(tx, actor.userId()));
    }

    // ---- After signing -------------------------------------------------------------------------------------

    /** reported -> released: the signed report becomes visible to referring physicians. */
    public void release(Actor actor, String requestId) {
        actor.require(Permission.RELEASE_REPORT);
        database.update(tx -> {
            Report report = repository.byRequest(tx, requestId).orElseThrow(() -> new DomainException("This request has no report"));
            if (!report.status().isSigned()) {
                throw new DomainException("Only a signed report is released; this one is " + report.status().label().toLowerCase());
            }
            lifecycle.release(actor, requestId);
            audit.append(tx, actor, ReportAction.RELEASED, Report.CLASS_NAME, report.id(), Map.of("requestId", requestId));
        });
    }

    /** The signed versions of a request's report, oldest first; referring physicians see only released reports. */
    public List<SignedVersion> signedVersions(Actor actor, String requestId) {
        ImagingRequest request = requireRequest(requestId);
        if (!actor.can(Permission.VIEW_WORKLIST)) {
            requireReleased(actor, request);
        }
        return database.read(c -> {
            Optional<Report> report = repository.byRequest(c, requestId);
            return report.isEmpty() ? List.<SignedVersion>of() : repository.versions(c, report.get().id());
        });
    }

    /** Checks every signed version of the request's report against its content hash and the chain. */
    public VersionCheck verify(String requestId) {
        return VersionCheck.of(database.read(c -> {
            Optional<Report> report = repository.byRequest(c, requestId);
            return report.isEmpty() ? List.<SignedVersion>of() : repository.versions(c, report.get().id());
        }));
    }

    public Optional<Report> reportOf(String requestId) {
        return database.read(c -> repository.byRequest(c, requestId));
    }

    private void requireReleased(Actor actor, ImagingRequest request) {
        actor.require(Permission.READ_RELEASED_REPORTS);
        if (request.status() != RequestStatus.RELEASED) {
            throw new PermissionDeniedException("The report of " + request.accession() + " is not released yet");
        }
    }

    // ---- Lookups -------------------------------------------------------------------------------------------

    private ImagingRequest requireRequest(String requestId) {
        return requests.byId(requestId).orElseThrow(() -> new DomainException("No imaging request " + requestId));
    }

    private Report requireReport(Connection tx, String reportId) throws SQLException {
        return repository.byId(tx, reportId).orElseThrow(() -> new DomainException(
                "No report " + reportId + ": open a study from the worklist to write one"));
    }

    private boolean isRadiologist(Connection tx, Actor actor) throws SQLException {
        return actor.userId() != null && Sql.count(tx, "SELECT count(*) FROM radiologist_profile WHERE user_id = ? AND active = 1",
                actor.userId()) > 0;
    }

    private static Optional<String> assigneeOf(Connection tx, String requestId) throws SQLException {
        return Sql.one(tx, "SELECT assignee_id FROM worklist_item WHERE request_id = ?", r -> r.getString(1), requestId);
    }

    private String nameOf(String userId) {
        return userId == null ? "nobody" : users.findById(userId).map(UserAccount::displayName).orElse("another user");
    }

    private void enqueue(Connection tx, Report report, Outbox.Operation operation) throws SQLException {
        outbox.enqueue(tx, Report.CLASS_NAME, report.id(), operation, ReportRepository.payload(outbox.newPayload(), report));
    }
}
