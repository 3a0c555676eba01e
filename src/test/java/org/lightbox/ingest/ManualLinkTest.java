package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;

class ManualLinkTest {
    @TempDir
    Path dir;
    IngestFixture department;

    @BeforeEach
    void openDepartment() {
        department = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    private IndexedStudy unmatchedStudyOf(ImagingRequest request, String patientId, String name) {
        Path slice = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1).accession("")
                .patient(patientId, name).writeTo(dir.resolve("scan"));
        department.importPaths(slice);
        return department.workstation.unmatchedStudies().queue().get(0);
    }

    @Test
    void technologistLinksAStudyWithoutAccessionAndTheRequestBecomesPerformed() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        IndexedStudy study = unmatchedStudyOf(request, "LB-1", "MOREAU^ALICE");

        LinkPreview preview = department.workstation.unmatchedStudies().preview(study.id(), request.accession().value());
        IndexedStudy linked = department.workstation.unmatchedStudies().link(department.technologist, study.id(),
                request.id(), false);

        assertThat(preview.needsConfirmation()).isFalse();
        assertThat(linked.requestId()).isEqualTo(request.id());
        assertThat(department.workstation.unmatchedStudies().queue()).isEmpty();
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.linked'"
                + " AND actor_name = 'sam' AND details LIKE '%\"differenceConfirmed\":false%'")).isEqualTo(1);
    }

    @Test
    void aLinkBetweenDifferentIdentitiesIsRefusedWithoutAnExplicitConfirmation() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        IndexedStudy study = unmatchedStudyOf(request, "LB-7", "MORAU^ALICE");

        LinkPreview preview = department.workstation.unmatchedStudies().preview(study.id(), request.accession().value());
        Throwable refused = catchThrowable(() -> department.workstation.unmatchedStudies().link(department.technologist,
                study.id(), request.id(), false));

        assertThat(preview.needsConfirmation()).isTrue();
        assertThat(preview.comparison().differences()).containsExactlyInAnyOrder(IdentityField.PATIENT_ID, IdentityField.NAME);
        assertThat(refused).isInstanceOf(DomainException.class).hasMessageContaining("confirm explicitly");
        assertThat(department.workstation.unmatchedStudies().queue()).hasSize(1);
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SCHEDULED);
    }

    @Test
    void aConfirmedLinkDespiteDifferencesIsAuditedWithTheDifferences() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        IndexedStudy study = unmatchedStudyOf(request, "LB-7", "MOREAU^ALICE");

        department.workstation.unmatchedStudies().link(department.technologist, study.id(), request.id(), true);

        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.linked'"
                + " AND details LIKE '%\"differenceConfirmed\":true%' AND details LIKE '%PATIENT_ID%'")).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ?", request.id())).isEqualTo(1);
    }

    @Test
    void aBirthDateThatAloneDiffersNeedsTheConfirmationAndTheLinkIsAuditedWithIt() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path slice = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1).accession("")
                .birthDate(java.time.LocalDate.of(1945, 3, 12)).writeTo(dir.resolve("scan"));
        department.importPaths(slice);
        IndexedStudy study = department.workstation.unmatchedStudies().queue().get(0);

        LinkPreview preview = department.workstation.unmatchedStudies().preview(study.id(), request.accession().value());
        Throwable refused = catchThrowable(() -> department.workstation.unmatchedStudies().link(department.technologist,
                study.id(), request.id(), false));
        department.workstation.unmatchedStudies().link(department.technologist, study.id(), request.id(), true);

        assertThat(preview.comparison().differences()).containsExactly(IdentityField.BIRTH_DATE);
        assertThat(refused).isInstanceOf(DomainException.class).hasMessageContaining("Birth date")
                .hasMessageContaining("confirm explicitly");
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.linked'"
                + " AND actor_name = 'sam' AND details LIKE '%\"differenceConfirmed\":true%'"
                + " AND details LIKE '%\"identityDifferences\":[\"BIRTH_DATE\"]%'")).isEqualTo(1);
    }

    @Test
    void namesAreComparedWithoutCaseAccentsOrGreekFinalSigma() {
        ImagingRequest request = department.scenario.request(Actor.SYSTEM, new org.lightbox.request.RequestForm("LB-6",
                "Παπαδόπουλος", "Ελένη", "1985-09-14", "F", "GR1", "Dr. Marsh", "routine", "CT", "CT sinus", "", null, null,
                null));
        IndexedStudy study = unmatchedStudyOf(request, "LB-6", "ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ");

        LinkPreview preview = department.workstation.unmatchedStudies().preview(study.id(), "GR1");

        assertThat(preview.comparison().agrees()).isTrue();
        assertThat(preview.refusal()).contains("Request GR1 is not scheduled yet; once it is, link the study");
    }

    @Test
    void onlyUsersWhoRegisterScansMayLink() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        IndexedStudy study = unmatchedStudyOf(request, "LB-1", "MOREAU^ALICE");
        Actor radiologist = department.scenario.user("grace", Role.RADIOLOGIST);

        assertThat(catchThrowable(() -> department.workstation.unmatchedStudies().link(radiologist, study.id(),
                request.id(), false))).isInstanceOf(PermissionDeniedException.class);
    }
}
