package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.SignInRefusedException;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.worklist.ReadingLockLostException;
import org.lightbox.worklist.WorklistEntry;

/** The report's life as the domain enforces it: every transition, and who may take it. */
class ReportLifecycleTest {
    private static final ReportSections NORMAL_HEAD = new ReportSections("Chronic headache.", "Axial CT without contrast.",
            "None.", "No intracranial haemorrhage. Ventricles normal.", "Normal CT head.");

    @TempDir
    Path dir;
    ReadingRoom room;
    Reporting reporting;
    ImagingRequest study;

    @BeforeEach
    void openReadingRoom() {
        room = new ReadingRoom(dir);
        reporting = room.reporting();
        study = room.scannedStudy();
    }

    @AfterEach
    void close() {
        room.close();
    }

    private SigningRequest signing(ReportSections text) {
        return new SigningRequest(text, false, null, false);
    }

    private List<String> auditActions() {
        return room.scenario.workstation.database().read(c -> Sql.list(c, "SELECT action FROM audit_event ORDER BY seq",
                r -> r.getString(1)));
    }

    private long outboxed(String className) {
        return room.scenario.workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM outbox WHERE class_name = ?",
                className));
    }

    private RequestStatus statusOf(ImagingRequest request) {
        return room.scenario.workstation.requests().byId(request.id()).orElseThrow().status();
    }

    private WorklistEntry worklistRow(ImagingRequest request) {
        return room.scenario.workstation.worklist().snapshot().entries().stream()
                .filter(e -> e.requestId().equals(request.id())).findFirst().orElseThrow();
    }

    @Test
    void radiologistOpeningAStudyTakesItStartsReadingAndGetsADraftWithTheIndication() {
        ReportContext opened = reporting.open(room.attending, study.id());

        assertThat(opened.editable()).isTrue();
        assertThat(opened.report().status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(opened.report().sections().indication()).isEqualTo("Headache");
        assertThat(opened.report().studyId()).isNotNull();
        assertThat(statusOf(study)).isEqualTo(RequestStatus.IN_READING);
        WorklistEntry row = worklistRow(study);
        assertThat(row.assigneeId()).isEqualTo(room.attending.userId());
        assertThat(row.readerAt(room.scenario.clock.instant())).isEqualTo(room.attending.displayName());
        assertThat(auditActions()).contains("report.draft_created", "worklist.lock_taken");
        assertThat(outboxed(Report.CLASS_NAME)).isEqualTo(1);
    }

    @Test
    void anotherRadiologistSeesWhoIsReadingAndCannotOpenASecondDraft() {
        reporting.open(room.attending, study.id());

        ReportContext other = reporting.open(room.colleague, study.id());

        assertThat(other.editable()).isFalse();
        assertThat(other.lockedBy()).isEqualTo(room.attending.displayName());
        assertThat(other.notice()).isEqualTo("Being read by " + room.attending.displayName() + ".");
        assertThat(room.count("SELECT count(*) FROM report")).isEqualTo(1);
    }

    @Test
    void theReadingLockExpiresAfterTheIdleTimeButTheStudyStaysWithItsAssignee() {
        reporting.open(room.attending, study.id());
        room.scenario.clock.advance(reporting.settings().lockLease().plusSeconds(1));

        ReportContext other = reporting.open(room.colleague, study.id());

        assertThat(other.lockedBy()).isNull();
        assertThat(other.editable()).isFalse();
        assertThat(other.notice()).startsWith("Assigned to " + room.attending.displayName());
        assertThat(reporting.open(room.attending, study.id()).editable()).isTrue();
    }

    @Test
    void renewingTheLeaseKeepsOthersOutWhileTheEditorIsUsed() {
        reporting.open(room.attending, study.id());
        room.scenario.clock.advance(reporting.settings().lockLease().minusMinutes(1));
        reporting.renewLock(room.attending, study.id());
        room.scenario.clock.advance(Duration.ofMinutes(2));

        assertThat(reporting.open(room.colleague, study.id()).lockedBy()).isEqualTo(room.attending.displayName());
    }

    @Test
    void anAdministratorBreaksAReadingLockAndTheBreakIsAudited() {
        reporting.open(room.attending, study.id());

        room.scenario.workstation.readingLocks().breakLock(room.admin, study.id(), "Dr. Grace went home");

        assertThat(worklistRow(study).readerAt(room.scenario.clock.instant())).isNull();
        assertThat(auditActions()).contains("worklist.lock_broken");
        assertThatThrownBy(() -> room.scenario.workstation.readingLocks().breakLock(room.colleague, study.id(), "mine now"))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aBrokenLockIsNotTakenBackByTheReadersNextRenewalAndTheirSavesAndSignatureAreRefused() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.saveDraft(room.attending, draft.id(), NORMAL_HEAD, false);
        room.scenario.workstation.readingLocks().breakLock(room.admin, study.id(), "Dr. Grace went home");
        String broken = "Reading lock broken by " + room.admin.displayName() + " at 09:00 (Dr. Grace went home)";

        assertThatThrownBy(() -> reporting.renewLock(room.attending, study.id()))
                .isInstanceOf(ReadingLockLostException.class).hasMessage(broken);
        assertThat(worklistRow(study).lockHolderId()).isNull();
        assertThatThrownBy(() -> reporting.saveDraft(room.attending, draft.id(), ReportSections.EMPTY, false))
                .isInstanceOf(ReadingLockLostException.class).hasMessage(broken);
        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password()))
                .isInstanceOf(ReadingLockLostException.class).hasMessage(broken);
        assertThat(reporting.reportOf(study.id()).orElseThrow().sections()).isEqualTo(NORMAL_HEAD);
        assertThat(reporting.signedVersions(room.attending, study.id())).isEmpty();

        assertThat(reporting.open(room.attending, study.id()).editable()).isTrue();
        assertThat(worklistRow(study).lockHolderId()).isEqualTo(room.attending.userId());
    }

    @Test
    void afterReassignmentThePreviousAuthorCanNoLongerSaveOrSign() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.saveDraft(room.attending, draft.id(), NORMAL_HEAD, false);

        room.scenario.workstation.assignments().assignTo(room.admin, study.id(), room.colleague.userId());

        assertThat(worklistRow(study).lockHolderId()).isNull();
        String reassigned = "This study was reassigned to " + room.colleague.displayName() + ": only they write its report now";
        assertThatThrownBy(() -> reporting.saveDraft(room.attending, draft.id(), ReportSections.EMPTY, false))
                .isInstanceOf(ReadingLockLostException.class).hasMessage(reassigned);
        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password()))
                .isInstanceOf(ReadingLockLostException.class).hasMessage(reassigned);
        assertThatThrownBy(() -> reporting.renewLock(room.attending, study.id()))
                .isInstanceOf(ReadingLockLostException.class).hasMessageEndingWith("(reassigned to " + room.colleague.displayName() + ")");
        assertThat(auditActions()).contains("worklist.assigned", "worklist.lock_broken");

        ReportContext taken = reporting.open(room.colleague, study.id());
        assertThat(taken.editable()).isTrue();
        assertThat(taken.report().sections()).isEqualTo(NORMAL_HEAD);
    }

    @Test
    void theLockIdleTimeIsReadFromTheReportSettings() {
        room.scenario.workstation.settings().write(ReportSettings.KEY, new ReportSettings(5));
        reporting.open(room.attending, study.id());

        room.scenario.clock.advance(Duration.ofMinutes(4));
        assertThat(reporting.open(room.colleague, study.id()).lockedBy()).isEqualTo(room.attending.displayName());
        room.scenario.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(reporting.open(room.colleague, study.id()).lockedBy()).isNull();
        assertThat(reporting.settings()).isEqualTo(new ReportSettings(5));
        assertThatThrownBy(() -> new ReportSettings(0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The reading lock idle time must be between 1 and 240 minutes, not 0");
        assertThatThrownBy(() -> new ReportSettings(241)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theDraftIsSavedExactlyAsTypedAndOnlyItsAuthorMayChangeIt() {
        Report draft = reporting.open(room.attending, study.id()).report();
        ReportSections typed = new ReportSections("  Headache ", "", "", "Findings line one\n\n  indented", "");

        Report saved = reporting.saveDraft(room.attending, draft.id(), typed, false);

        assertThat(saved.draftSavedAt()).isEqualTo(room.scenario.clock.instant());
        assertThat(reporting.reportOf(study.id()).orElseThrow().sections()).isEqualTo(typed);
        assertThatThrownBy(() -> reporting.saveDraft(room.colleague, draft.id(), ReportSections.EMPTY, false))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("assigned radiologist");
        assertThat(reporting.reportOf(study.id()).orElseThrow().sections()).isEqualTo(typed);
    }

    @Test
    void aRadiologistWhoMaySignAloneSignsTheRequestIsReportedAndTheLockGoes() {
        Report draft = reporting.open(room.attending, study.id()).report();

        Report signed = reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());

        assertThat(signed.status()).isEqualTo(ReportStatus.FINAL);
        assertThat(statusOf(study)).isEqualTo(RequestStatus.REPORTED);
        assertThat(worklistRow(study).lockHolderId()).isNull();
        List<SignedVersion> versions = reporting.signedVersions(room.attending, study.id());
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(VersionStatus.FINAL);
            assertThat(v.sections()).isEqualTo(NORMAL_HEAD);
            assertThat(v.signerName()).isEqualTo(room.attending.displayName());
            assertThat(v.signedAt()).isEqualTo(room.scenario.clock.instant());
            assertThat(v.contentHash()).hasSize(64);
            assertThat(v.isIntact()).isTrue();
        });
        assertThat(auditActions()).contains("report.signed", "request.status_changed");
        assertThat(outboxed(SignedVersion.CLASS_NAME)).isEqualTo(1);
        assertThat(outboxed(Report.CLASS_NAME)).isEqualTo(2);
    }

    @Test
    void signingAsksForThePasswordAgainAndAWrongOneLeavesTheDraftUntouched() {
        Report draft = reporting.saveDraft(room.attending, reporting.open(room.attending, study.id()).report().id(), NORMAL_HEAD, false);

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), "wrong password".toCharArray()))
                .isInstanceOf(SignInRefusedException.class);
        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), new char[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("password");

        Report after = reporting.reportOf(study.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(after.sections()).isEqualTo(NORMAL_HEAD);
        assertThat(reporting.signedVersions(room.attending, study.id())).isEmpty();
        assertThat(auditActions()).contains("auth.reauthentication_refused", "report.signature_refused");
    }

    @Test
    void thePasswordGivenToSignIsWipedOnceCheckedRightOrWrong() {
        Report draft = reporting.open(room.attending, study.id()).report();
        char[] wrong = "wrong password".toCharArray();
        char[] right = room.password();

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), wrong))
                .isInstanceOf(SignInRefusedException.class);
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), right);

        assertThat(wrong).containsOnly('\0');
        assertThat(right).containsOnly('\0');
    }

    @Test
    void anEmptyImpressionIsRefusedWithAClearMessageAndTheDraftStaysAsItWas() {
        ReportSections noImpression = NORMAL_HEAD.with(ReportSection.IMPRESSION, "   ");
        Report draft = reporting.saveDraft(room.attending, reporting.open(room.attending, study.id()).report().id(), noImpression,
                false);

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(noImpression), room.password()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).anySatisfy(err -> {
                    assertThat(err.field()).isEqualTo("impression");
                    assertThat(err.message()).isEqualTo("The impression is empty: write the conclusion before signing");
                }));
        assertThat(reporting.reportOf(study.id()).orElseThrow().sections()).isEqualTo(noImpression);
        assertThat(statusOf(study)).isEqualTo(RequestStatus.IN_READING);
    }

    @Test
    void aRequestWhoseImagesAreNotRegisteredIsNotSignedAndTheDraftStaysAsItWas() {
        ImagingRequest noImages = room.performedWithoutImages();
        ReportContext opened = reporting.open(room.attending, noImages.id());
        assertThat(opened.report().studyId()).isNull();
        assertThat(opened.notice()).startsWith("No images attached yet");
        Report draft = reporting.saveDraft(room.attending, opened.report().id(), NORMAL_HEAD, false);

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password()))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("No images are attached to this request yet")
                .hasMessageEndingWith("The draft stays as it is.");
        Report after = reporting.reportOf(noImages.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(after.sections()).isEqualTo(NORMAL_HEAD);
        assertThat(reporting.signedVersions(room.attending, noImages.id())).isEmpty();
        assertThat(statusOf(noImages)).isEqualTo(RequestStatus.IN_READING);

        ImagingRequest residents = room.performedWithoutImages();
        Report residentsDraft = reporting.open(room.resident, residents.id()).report();
        assertThatThrownBy(() -> reporting.submitForReview(room.resident, residentsDraft.id(), room.attending.userId(),
                signing(NORMAL_HEAD), room.password())).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("No images are attached to this request yet");
        assertThat(reporting.reportOf(residents.id()).orElseThrow().status()).isEqualTo(ReportStatus.DRAFT);

        room.registerImages(noImages);
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());
        assertThat(reporting.reportOf(noImages.id()).orElseThrow().studyId()).isNotNull();
        assertThat(statusOf(noImages)).isEqualTo(RequestStatus.REPORTED);
    }

    @Test
    void aRequiredTemplateFieldBlocksSigningAndAnAlertFieldNeedsTheSignersConfirmation() {
        Report draft = reporting.open(room.attending, study.id()).report();
        ReportSections required = NORMAL_HEAD.with(ReportSection.FINDINGS, "Haemorrhage: [[!Haemorrhage=None.|Acute.]]");
        ReportSections alert = NORMAL_HEAD.with(ReportSection.COMPARISON, "[[?Comparison]]");

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), new SigningRequest(required, false, null, true),
                room.password())).isInstanceOf(ValidationException.class).hasMessageContaining("Findings: Haemorrhage");
        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), signing(alert), room.password()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Warning, not filled: Comparison: Comparison");

        reporting.sign(room.attending, draft.id(), new SigningRequest(alert, false, null, true), room.password());
        assertThat(reporting.signedVersions(room.attending, study.id()).get(0).sections().comparison()).isEmpty();
    }

    @Test
    void aResidentWhoMayNotSignAloneSubmitsForReviewAndOnlyTheReviewerOrAnAdministratorFinalizes() {
        Report draft = reporting.open(room.resident, study.id()).report();
        assertThatThrownBy(() -> reporting.sign(room.resident, draft.id(), signing(NORMAL_HEAD), room.password()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("submit it for review");
        assertThat(reporting.reviewersFor(room.resident)).extracting(u -> u.id())
                .contains(room.attending.userId()).doesNotContain(room.resident.userId());

        Report inReview = reporting.submitForReview(room.resident, draft.id(), room.attending.userId(), signing(NORMAL_HEAD),
                room.password());

        assertThat(inReview.status()).isEqualTo(ReportStatus.IN_REVIEW);
        assertThat(statusOf(study)).isEqualTo(RequestStatus.IN_READING);
        assertThat(worklistRow(study).lockHolderId()).isNull();
        assertThat(reporting.signedVersions(room.resident, study.id())).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(VersionStatus.PRELIMINARY));
        assertThatThrownBy(() -> reporting.saveDraft(room.resident, draft.id(), NORMAL_HEAD, false))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("the reviewer");
        assertThatThrownBy(() -> reporting.sign(room.colleague, draft.id(), signing(NORMAL_HEAD), room.password()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("or an administrator finalizes");

        ReportContext review = reporting.open(room.attending, study.id());
        assertThat(review.editable()).isTrue();
        assertThat(review.mayFinalize()).isTrue();
        ReportSections corrected = NORMAL_HEAD.with(ReportSection.IMPRESSION, "Normal CT head. No acute abnormality.");
        reporting.saveDraft(room.attending, draft.id(), corrected, false);
        Report fin = reporting.sign(room.attending, draft.id(), signing(corrected), room.password());

        assertThat(fin.status()).isEqualTo(ReportStatus.FINAL);
        assertThat(statusOf(study)).isEqualTo(RequestStatus.REPORTED);
        assertThat(reporting.signedVersions(room.attending, study.id())).extracting(SignedVersion::status)
                .containsExactly(VersionStatus.PRELIMINARY, VersionStatus.FINAL);
    }

    @Test
    void anAdministratorFinalizesAPreliminaryReportAssignedToAnotherReviewer() {
        Report draft = reporting.open(room.resident, study.id()).report();
        reporting.submitForReview(room.resident, draft.id(), room.attending.userId(), signing(NORMAL_HEAD), room.password());

        ReportContext adminView = reporting.open(room.admin, study.id());
        assertThat(adminView.mayFinalize()).isTrue();
        assertThat(adminView.editable()).isFalse();
        reporting.sign(room.admin, draft.id(), signing(NORMAL_HEAD), room.password());

        assertThat(statusOf(study)).isEqualTo(RequestStatus.REPORTED);
    }

    @Test
    void aReviewerMustBeARadiologistWhoMaySignAloneAndNotTheAuthor() {
        Report draft = reporting.open(room.resident, study.id()).report();

        assertThatThrownBy(() -> reporting.submitForReview(room.resident, draft.id(), room.resident.userId(), signing(NORMAL_HEAD),
                room.password())).isInstanceOf(ValidationException.class).hasMessageContaining("Choose a reviewer");
        assertThatThrownBy(() -> reporting.submitForReview(room.resident, draft.id(), room.referrer.userId(), signing(NORMAL_HEAD),
                room.password())).isInstanceOf(ValidationException.class);
        assertThat(reporting.reportOf(study.id()).orElseThrow().status()).isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void aCriticalResultCannotBeSignedWithoutWhoWasToldHowAndWhen() {
        Report draft = reporting.open(room.attending, study.id()).report();
        ReportSections bleed = NORMAL_HEAD.with(ReportSection.IMPRESSION, "Acute subdural haematoma.");
        reporting.saveDraft(room.attending, draft.id(), bleed, true);
        assertThat(worklistRow(study).critical()).isFalse();

        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), new SigningRequest(bleed, true, null, false),
                room.password())).isInstanceOf(ValidationException.class).hasMessageContaining("who was notified");
        CriticalResultNotice future = new CriticalResultNotice("Dr. Marsh", NotificationMethod.PHONE,
                room.scenario.clock.instant().plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> reporting.sign(room.attending, draft.id(), new SigningRequest(bleed, true, future, false),
                room.password())).isInstanceOf(ValidationException.class).hasMessageContaining("future");

        CriticalResultNotice told = new CriticalResultNotice("Dr. Lena Marsh", NotificationMethod.PHONE,
                room.scenario.clock.instant().minus(Duration.ofMinutes(3)));
        reporting.sign(room.attending, draft.id(), new SigningRequest(bleed, true, told, false), room.password());

        SignedVersion v = reporting.signedVersions(room.attending, study.id()).get(0);
        assertThat(CriticalNotices.fromJson(v.criticalJson())).isEqualTo(told);
        assertThat(auditActions()).contains("report.critical_result_communicated");
        assertThat(room.count("SELECT count(*) FROM critical_result_notice WHERE notified_whom = 'Dr. Lena Marsh'"
                + " AND method = 'phone'")).isEqualTo(1);
        assertThat(worklistRow(study).critical()).isTrue();
    }

    @Test
    void anAddendumIsANewAmendedVersionAndTheOriginalStaysAsSigned() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());
        SignedVersion original = reporting.signedVersions(room.attending, study.id()).get(0);

        assertThatThrownBy(() -> reporting.addAddendum(room.colleague, draft.id(), "  ", null, room.password()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("addendum is empty");
        room.scenario.clock.advance(Duration.ofHours(2));
        Report amended = reporting.addAddendum(room.colleague, draft.id(), "Small old lacunar infarct, left thalamus.", null,
                room.password());

        assertThat(amended.status()).isEqualTo(ReportStatus.AMENDED);
        List<SignedVersion> versions = reporting.signedVersions(room.attending, study.id());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).isEqualTo(original);
        SignedVersion addendum = versions.get(1);
        assertThat(addendum.status()).isEqualTo(VersionStatus.AMENDED);
        assertThat(addendum.addendum()).isEqualTo("Small old lacunar infarct, left thalamus.");
        assertThat(addendum.sections()).isEqualTo(original.sections());
        assertThat(addendum.prevHash()).isEqualTo(original.contentHash());
        assertThat(addendum.signerName()).isEqualTo(room.colleague.displayName());
        assertThat(reporting.verify(study.id()).isIntact()).isTrue();
        assertThat(auditActions()).contains("report.addendum_signed");
    }

    @Test
    void anAddendumReportingACriticalResultNeedsWhoWasToldHowAndWhenAsAReportDoes() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());
        String addendum = "On review, a small acute subdural haematoma over the left convexity.";
        CriticalResultNotice nobody = new CriticalResultNotice("  ", NotificationMethod.PHONE, room.scenario.clock.instant());
        CriticalResultNotice later = new CriticalResultNotice("Dr. Marsh", NotificationMethod.PHONE,
                room.scenario.clock.instant().plus(Duration.ofHours(1)));
        CriticalResultNotice blank = new CriticalResultNotice(null, null, null);

        assertThatThrownBy(() -> reporting.addAddendum(room.attending, draft.id(), addendum, nobody, room.password()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Who was notified is required");
        assertThatThrownBy(() -> reporting.addAddendum(room.attending, draft.id(), addendum, later, room.password()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The notification time is in the future");
        assertThatThrownBy(() -> reporting.addAddendum(room.attending, draft.id(), addendum, blank, room.password()))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(err -> err.field())
                        .containsExactly("notifiedWhom", "notificationMethod", "notifiedAt"));
        assertThat(reporting.signedVersions(room.attending, study.id())).hasSize(1);
        assertThat(room.count("SELECT count(*) FROM critical_result_notice")).isZero();

        CriticalResultNotice told = new CriticalResultNotice("Dr. Lena Marsh", NotificationMethod.IN_PERSON,
                room.scenario.clock.instant());
        reporting.addAddendum(room.attending, draft.id(), addendum, told, room.password());
        assertThat(CriticalNotices.fromJson(reporting.signedVersions(room.attending, study.id()).get(1).criticalJson()))
                .isEqualTo(told);
        assertThat(auditActions()).contains("report.critical_result_communicated");
    }

    @Test
    void aRadiologistWhoMayNotSignAloneDoesNotSignAnAddendumAloneEither() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());

        ReportContext residentsView = reporting.open(room.resident, study.id());
        assertThat(residentsView.mayAddAddendum()).isFalse();
        assertThat(residentsView.notice()).isEqualTo("An addendum to this report is signed by a radiologist who may sign alone.");
        assertThatThrownBy(() -> reporting.addAddendum(room.resident, draft.id(), "Incidental thyroid nodule.", null,
                room.password())).isInstanceOf(PermissionDeniedException.class)
                .hasMessage(room.resident.displayName() + " may not sign an addendum alone: an addendum is final once signed,"
                        + " so a radiologist who may sign alone adds it");
        assertThat(reporting.signedVersions(room.attending, study.id())).hasSize(1);
        assertThat(reporting.reportOf(study.id()).orElseThrow().status()).isEqualTo(ReportStatus.FINAL);

        assertThat(reporting.open(room.colleague, study.id()).mayAddAddendum()).isTrue();
        assertThat(reporting.open(room.admin, study.id()).mayAddAddendum()).isTrue();
        reporting.addAddendum(room.admin, draft.id(), "Incidental thyroid nodule.", null, room.password());
        assertThat(reporting.signedVersions(room.attending, study.id())).hasSize(2);
    }

    @Test
    void releasingMakesTheReportVisibleToReferringPhysiciansAndOnlyThen() {
        Report draft = reporting.open(room.attending, study.id()).report();
        assertThatThrownBy(() -> reporting.release(room.attending, study.id())).isInstanceOf(DomainException.class)
                .hasMessageContaining("Only a signed report is released");
        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());
        assertThatThrownBy(() -> reporting.signedVersions(room.referrer, study.id()))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("not released yet");
        assertThatThrownBy(() -> reporting.release(room.referrer, study.id())).isInstanceOf(PermissionDeniedException.class);

        reporting.release(room.attending, study.id());

        assertThat(statusOf(study)).isEqualTo(RequestStatus.RELEASED);
        assertThat(reporting.signedVersions(room.referrer, study.id())).hasSize(1);
        ReportContext seen = reporting.open(room.referrer, study.id());
        assertThat(seen.editable()).isFalse();
        assertThat(seen.versions()).hasSize(1);
        assertThat(auditActions()).contains("report.released");
    }

    @Test
    void onlyARadiologistStartsADraftAndARequestNotYetScannedHasNothingToWrite() {
        ReportContext adminView = reporting.open(room.admin, study.id());
        assertThat(adminView.editable()).isFalse();
        assertThat(adminView.notice()).isEqualTo("Only a radiologist writes the report.");

        ImagingRequest notScanned = room.scenario.request(room.admin, room.scenario.form("MRN9", "Okafor"));
        ReportContext context = reporting.open(room.attending, notScanned.id());
        assertThat(context.editable()).isFalse();
        assertThat(context.report()).isNull();
        assertThat(context.notice()).startsWith("Not performed yet");
        assertThatThrownBy(() -> reporting.saveDraft(room.attending, "no-such-report", NORMAL_HEAD, false))
                .isInstanceOf(DomainException.class).hasMessageContaining("open a study from the worklist");
    }

    @Test
    void schedulersAndTechnologistsSeeThatAReportIsBeingWrittenButNotItsUnsignedText() {
        Actor technologist = room.scenario.user("tess", Role.TECHNOLOGIST);
        Actor scheduler = room.scenario.user("sam", Role.SCHEDULER);
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.saveDraft(room.attending, draft.id(), NORMAL_HEAD, false);

        for (Actor staff : List.of(technologist, scheduler)) {
            ReportContext seen = reporting.open(staff, study.id());
            assertThat(seen.report().status()).isEqualTo(ReportStatus.DRAFT);
            assertThat(seen.report().sections()).isEqualTo(ReportSections.EMPTY);
            assertThat(seen.notice()).isEqualTo("The report is a draft: its text is shown once it is signed.");
        }
        assertThat(reporting.open(room.colleague, study.id()).report().sections()).isEqualTo(NORMAL_HEAD);

        reporting.sign(room.attending, draft.id(), signing(NORMAL_HEAD), room.password());
        assertThat(reporting.open(technologist, study.id()).versions()).singleElement()
                .satisfies(v -> assertThat(v.sections()).isEqualTo(NORMAL_HEAD));
    }

    @Test
    void aReassignedDraftPassesToTheRadiologistWhoNowHasTheStudy() {
        Report draft = reporting.open(room.attending, study.id()).report();
        reporting.closeReading(room.attending, study.id());
        room.scenario.workstation.assignments().assignTo(room.admin, study.id(), room.colleague.userId());

        ReportContext taken = reporting.open(room.colleague, study.id());

        assertThat(taken.editable()).isTrue();
        assertThat(taken.report().id()).isEqualTo(draft.id());
        assertThat(taken.report().authorId()).isEqualTo(room.colleague.userId());
        assertThat(auditActions()).contains("report.author_changed");
    }
}
