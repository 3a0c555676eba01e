package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;

/**
 * Images whose Study or Series Instance UID is already indexed, but whose patient or study differs,
 * never join the indexed study or series: they are quarantined with a reason the technologist reads.
 */
class UidConflictTest {
    @TempDir
    Path dir;
    IngestFixture department;
    ImagingRequest moreau;
    String study;
    String series;

    @BeforeEach
    void moreauIsScannedAndRegistered() {
        department = new IngestFixture(dir);
        moreau = department.scheduledRequest("LB-1", "Moreau");
        study = TestDicomFile.newUid();
        series = TestDicomFile.newUid();
        department.importPaths(IngestFixture.sliceFor(moreau, study, series, 1).writeTo(dir.resolve("first")),
                IngestFixture.sliceFor(moreau, study, series, 2).writeTo(dir.resolve("first")));
        assertThat(department.workstation.requests().byId(moreau.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    @Test
    void anImageOfAnotherPatientUnderAnIndexedStudyUidIsQuarantinedAndNeverJoinsThatStudy() {
        Path novak = IngestFixture.sliceFor(moreau, study, TestDicomFile.newUid(), 1).patient("LB-2", "NOVAK^BORIS")
                .birthDate(LocalDate.of(1961, 7, 4)).writeTo(dir.resolve("second"));

        ImportSummary summary = department.importPaths(novak);

        assertThat(summary.indexed()).isZero();
        assertThat(summary.rejected()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(novak.toString());
            assertThat(r.code()).isEqualTo(UidConflicts.STUDY_OF_ANOTHER_PATIENT);
            assertThat(r.reason()).startsWith("Another patient than its study's: this file names NOVAK, BORIS (ID LB-2,"
                    + " born 1961-07-04), but its study (Study Instance UID " + study + ") is already indexed for MOREAU,"
                    + " ALICE (ID LB-1, born 1954-03-12). Differs in: Patient ID / MRN, Name, Birth date.")
                    .contains("not added to that study");
        });
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isEqualTo(2);
        assertThat(department.count("SELECT count(*) FROM dicom_series")).as("no series of Novak's under Moreau's study")
                .isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE instance_count = 2 AND request_id = ?",
                moreau.id())).isEqualTo(1);
        assertThat(department.workstation.quarantine().recent(10)).singleElement().satisfies(q -> {
            assertThat(q.reasonCode()).isEqualTo(UidConflicts.STUDY_OF_ANOTHER_PATIENT);
            assertThat(department.workstation.quarantine().folder().resolve(q.storedPath())).hasSameBinaryContentAs(novak);
        });
    }

    @Test
    void aBirthDateThatAloneDiffersKeepsTheImageOutOfTheStudy() {
        Path otherBirthDate = IngestFixture.sliceFor(moreau, study, series, 3).birthDate(LocalDate.of(1954, 3, 21))
                .writeTo(dir.resolve("second"));

        ImportSummary summary = department.importPaths(otherBirthDate);

        assertThat(summary.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("Differs in: Birth date."));
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isEqualTo(2);
    }

    @Test
    void anImageResentWithACorrectedPatientIsQuarantinedRatherThanCountedAsADuplicate() {
        TestDicomFile resent = IngestFixture.sliceFor(moreau, study, series, 4).patient("LB-1", "MOREAU^ALINE");
        department.importPaths(IngestFixture.sliceFor(moreau, study, series, 4).sopInstance(resent.value("SOPInstanceUID"))
                .writeTo(dir.resolve("third")));

        ImportSummary summary = department.importPaths(resent.writeTo(dir.resolve("resent")));

        assertThat(summary.duplicates()).isZero();
        assertThat(summary.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("MOREAU, ALINE").contains("Differs in: Name."));
    }

    @Test
    void theSameNameInAnotherCaseIsTheSamePatient() {
        Path sameWritten = IngestFixture.sliceFor(moreau, study, series, 5).patient("LB-1", "moreau^alice")
                .writeTo(dir.resolve("second"));

        ImportSummary summary = department.importPaths(sameWritten);

        assertThat(summary.rejected()).isEmpty();
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE instance_count = 3")).isEqualTo(1);
    }

    @Test
    void twoPatientsUnderOneNewStudyUidInOneRunLeaveTheSecondOutOfTheStudy() {
        ImagingRequest novak = department.scheduledRequest("LB-2", "Novak");
        String shared = TestDicomFile.newUid();
        Path folder = dir.resolve("mixed");
        IngestFixture.sliceFor(novak, shared, TestDicomFile.newUid(), 1).writeAs(folder.resolve("a.dcm"));
        Path second = IngestFixture.sliceFor(moreau, shared, TestDicomFile.newUid(), 1).writeAs(folder.resolve("b.dcm"));

        ImportSummary summary = department.importPaths(folder);

        assertThat(summary.indexed()).isEqualTo(1);
        assertThat(summary.rejected()).extracting(Rejection::path).containsExactly(second.toString());
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE study_instance_uid = ? AND header_patient_id"
                + " = 'LB-2' AND instance_count = 1", shared)).isEqualTo(1);
    }

    @Test
    void aSeriesUidAlreadyIndexedUnderAnotherStudyIsNotTakenIntoIt() {
        String otherStudy = TestDicomFile.newUid();
        Path reused = IngestFixture.sliceFor(moreau, otherStudy, series, 1).writeTo(dir.resolve("second"));

        ImportSummary summary = department.importPaths(reused);

        assertThat(summary.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(UidConflicts.SERIES_OF_ANOTHER_STUDY);
            assertThat(r.reason()).startsWith("Its series belongs to another study: Series Instance UID " + series
                    + " already belongs to study " + study)
                    .contains("this file puts it in study " + otherStudy);
        });
        assertThat(department.count("SELECT count(*) FROM dicom_study")).as("no empty study is left behind").isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isEqualTo(2);
        List<String> uids = department.workstation.database().read(c -> org.lightbox.store.Sql.list(c,
                "SELECT study_instance_uid FROM dicom_study", r -> r.getString(1)));
        assertThat(uids).containsExactly(study);
    }
}
