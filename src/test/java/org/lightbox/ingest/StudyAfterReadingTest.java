package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;

/**
 * A new study arrives under the accession of a request a radiologist is reading, has reported or
 * has released. Attached silently it would never be read (or not before the report is signed), so
 * it waits in the unmatched queue with the reason.
 */
class StudyAfterReadingTest {
    @TempDir
    Path dir;
    IngestFixture department;
    ImagingRequest request;
    Actor radiologist;

    @BeforeEach
    void aRequestIsScannedAndRegistered() {
        department = new IngestFixture(dir);
        radiologist = department.scenario.user("grace", Role.RADIOLOGIST);
        request = department.scheduledRequest("LB-1", "Moreau");
        department.importPaths(IngestFixture.series(dir.resolve("first"), request, TestDicomFile.newUid(), 2)
                .toArray(Path[]::new));
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    private void moveTo(RequestStatus status) {
        department.workstation.database().update(tx -> {
            department.workstation.lifecycle().startReading(tx, radiologist, request.id());
            if (status != RequestStatus.IN_READING) {
                department.workstation.lifecycle().markReported(tx, radiologist, request.id());
            }
        });
        if (status == RequestStatus.RELEASED) {
            department.workstation.lifecycle().release(radiologist, request.id());
        }
    }

    private IndexedStudy aNewStudyUnderTheAccessionArrives() {
        department.importPaths(IngestFixture.series(dir.resolve("late"), request, TestDicomFile.newUid(), 3)
                .toArray(Path[]::new));
        assertThat(department.workstation.unmatchedStudies().queue()).hasSize(1);
        return department.workstation.unmatchedStudies().queue().get(0);
    }

    @ParameterizedTest
    @EnumSource(value = RequestStatus.class, names = {"IN_READING", "REPORTED", "RELEASED"})
    void aNewStudyForARequestPastPerformedWaitsUnmatchedInsteadOfJoiningIt(RequestStatus status) {
        moveTo(status);

        IndexedStudy late = aNewStudyUnderTheAccessionArrives();

        assertThat(late.requestId()).isNull();
        assertThat(late.instanceCount()).isEqualTo(3);
        assertThat(late.unmatchedReason()).startsWith("Request " + request.accession().value() + " is ");
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status()).isEqualTo(status);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ?", request.id())).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.unmatched'")).isEqualTo(1);
    }

    @Test
    void theReasonForAReportedRequestSaysTheImagesNeedARequestOfTheirOwn() {
        moveTo(RequestStatus.REPORTED);

        IndexedStudy late = aNewStudyUnderTheAccessionArrives();

        assertThat(late.unmatchedReason()).isEqualTo("Request " + request.accession().value() + " is already reported:"
                + " images attached to it would never be read. Create a new request for them and link the study to it by hand");
    }

    @Test
    void theReasonForARequestBeingReadSaysToTellTheRadiologist() {
        moveTo(RequestStatus.IN_READING);

        IndexedStudy late = aNewStudyUnderTheAccessionArrives();

        assertThat(late.unmatchedReason()).contains("is being read now").contains("Tell the radiologist");
    }

    @Test
    void aReportedRequestCannotBeLinkedByHandEither() {
        moveTo(RequestStatus.REPORTED);
        IndexedStudy late = aNewStudyUnderTheAccessionArrives();

        LinkPreview preview = department.workstation.unmatchedStudies().preview(late.id(), request.accession().value());
        Throwable refused = catchThrowable(() -> department.workstation.unmatchedStudies().link(department.technologist,
                late.id(), request.id(), true));

        assertThat(preview.refusal()).hasValueSatisfying(r -> assertThat(r).contains("already reported"));
        assertThat(refused).isInstanceOf(DomainException.class).hasMessageContaining("Create a new request");
        assertThat(department.workstation.unmatchedStudies().queue()).hasSize(1);
    }

    @Test
    void afterTellingTheRadiologistTheTechnologistLinksTheStudyToTheRequestBeingRead() {
        moveTo(RequestStatus.IN_READING);
        IndexedStudy late = aNewStudyUnderTheAccessionArrives();

        department.workstation.unmatchedStudies().link(department.technologist, late.id(), request.id(), false);

        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ?", request.id())).isEqualTo(2);
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.IN_READING);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.linked'"
                + " AND details LIKE '%\"requestStatusBefore\":\"in_reading\"%'")).isEqualTo(1);
    }

    @Test
    void aSecondStudyForARequestNotYetBeingReadJoinsItAutomatically() {
        department.importPaths(IngestFixture.series(dir.resolve("late"), request, TestDicomFile.newUid(), 3)
                .toArray(Path[]::new));

        assertThat(department.workstation.unmatchedStudies().queue()).isEmpty();
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ?", request.id())).isEqualTo(2);
    }
}
