package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;

/**
 * kill -9 mid-import: a child JVM imports a 600-image study with the real importer and is killed
 * (SIGKILL: no shutdown hook, no rollback by the program) after its first 500-file batch is
 * committed. On restart no part of the study is on the worklist; importing the folder again
 * completes it and registers it.
 */
class ImportCrashTest {
    private static final int SLICES_PER_SERIES = 300;

    @TempDir
    Path dir;

    @Test
    void aStudyHalfImportedWhenTheProcessIsKilledIsNeitherMatchedNorOnTheWorklistAndAReimportCompletesIt()
            throws Exception {
        Path scan = dir.resolve("scan");
        ImagingRequest request;
        long outboxBefore;
        IngestFixture department = new IngestFixture(dir);
        try {
            request = department.scheduledRequest("LB-1", "Moreau");
            String study = TestDicomFile.newUid();
            IngestFixture.series(scan.resolve("a"), request, study, SLICES_PER_SERIES);
            IngestFixture.series(scan.resolve("b"), request, study, SLICES_PER_SERIES);
            outboxBefore = department.count("SELECT count(*) FROM outbox");
        } finally {
            department.scenario.close();
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportUntilKilled.class.getName(),
                dir.resolve("data").toString(), scan.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(ImportUntilKilled.FIRST_BATCH_COMMITTED);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        try (Workstation restarted = Workstation.open(new DataFolder(dir.resolve("data")),
                java.time.Clock.systemDefaultZone(), new PasswordHasher(1_000))) {
            assertThat(count(restarted, "SELECT count(*) FROM dicom_instance")).as("the first batch is indexed")
                    .isEqualTo(DicomImporter.BATCH_SIZE);
            assertThat(storedFiles(restarted)).as("every indexed image is in the store").isEqualTo(DicomImporter.BATCH_SIZE);
            assertThat(restarted.requests().byId(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.SCHEDULED);
            assertThat(count(restarted, "SELECT count(*) FROM worklist_item")).isZero();
            assertThat(count(restarted, "SELECT count(*) FROM dicom_study WHERE request_id IS NOT NULL"
                    + " OR registered_at IS NOT NULL")).isZero();
            assertThat(count(restarted, "SELECT count(*) FROM audit_event WHERE action IN ('dicom_study.received',"
                    + " 'dicom_study.matched', 'worklist.item_created') OR (action = 'request.status_changed'"
                    + " AND details LIKE '%\"to\":\"performed\"%')")).isZero();
            assertThat(count(restarted, "SELECT count(*) FROM outbox")).as("nothing of it was queued for the central store")
                    .isEqualTo(outboxBefore);
            assertThat(restarted.unmatchedStudies().queue()).singleElement().satisfies(s -> {
                assertThat(s.instanceCount()).isEqualTo(DicomImporter.BATCH_SIZE);
                assertThat(s.unmatchedReason()).isEqualTo(StudyIndex.ARRIVING);
            });

            ImportSummary again = restarted.importer().importPaths(Actor.SYSTEM, List.of(scan), IngestOrigin.IMPORT,
                    scan.toString(), ImportProgress.NONE);

            assertThat(again.indexed()).isEqualTo(2 * SLICES_PER_SERIES - DicomImporter.BATCH_SIZE);
            assertThat(again.duplicates()).isEqualTo(DicomImporter.BATCH_SIZE);
            assertThat(restarted.requests().byId(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.PERFORMED);
            assertThat(count(restarted, "SELECT count(*) FROM dicom_study WHERE request_id = ? AND instance_count = ?"
                    + " AND series_count = 2 AND registered_at IS NOT NULL", request.id(), 2 * SLICES_PER_SERIES)).isEqualTo(1);
            assertThat(count(restarted, "SELECT count(*) FROM worklist_item WHERE request_id = ?", request.id())).isEqualTo(1);
            assertThat(restarted.unmatchedStudies().queue()).isEmpty();
        }
    }

    private static long count(Workstation ws, String sql, Object... params) {
        return ws.database().read(c -> Sql.count(c, sql, params));
    }

    private static long storedFiles(Workstation ws) throws Exception {
        try (Stream<Path> files = Files.walk(ws.dicomStore().root())) {
            return files.filter(p -> p.toString().endsWith(".dcm")).count();
        }
    }
}
