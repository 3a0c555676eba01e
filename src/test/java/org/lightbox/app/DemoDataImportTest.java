package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.ingest.IndexedStudy;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;
import org.lightbox.worklist.WorklistEntry;

/** First start imports the sample studies through the real importer. */
class DemoDataImportTest {
    @TempDir
    Path dir;

    @Test
    void eachDemoRequestWithImagesShowsItsStudyAndTheGreekSinusStudyWaitsUnmatched() {
        try (Scenario scenario = new Scenario(dir)) {
            Workstation ws = scenario.workstation;
            scenario.user("radiologist", Role.RADIOLOGIST);

            new DemoData(ws).seed();

            Map<String, Integer> studies = ws.worklist().snapshot().entries().stream()
                    .collect(Collectors.toMap(WorklistEntry::accession, WorklistEntry::studyCount));
            assertThat(studies).containsEntry("DEMO0001", 1).containsEntry("DEMO0002", 1).containsEntry("DEMO0003", 1)
                    .containsEntry("DEMO0004", 1).containsEntry("DEMO0005", 1);
            long priorStudies = ws.database().read(c -> Sql.count(c, "SELECT count(*) FROM dicom_study s JOIN imaging_request r"
                    + " ON r.id = s.request_id WHERE r.accession = 'DEMO0000'"));
            assertThat(priorStudies).isEqualTo(1);
            long instances = ws.database().read(c -> Sql.count(c, "SELECT count(*) FROM dicom_instance"));
            assertThat(instances).isEqualTo(110);
            assertThat(ws.quarantine().count()).isZero();
            IndexedStudy sinus = ws.unmatchedStudies().queue().get(0);
            assertThat(sinus.identity().name().raw()).isEqualTo("ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ");
            assertThat(ws.unmatchedStudies().queue()).hasSize(1);
            // DemoData chose the performed times; the importer attaching to performed requests keeps them.
            assertThat(ws.requests().byAccession("DEMO0001").orElseThrow().performedAt())
                    .isEqualTo(scenario.clock.instant().minus(java.time.Duration.ofMinutes(25)));

            Actor technologist = scenario.user("sam", Role.TECHNOLOGIST);
            ImagingRequest sinusRequest = ws.requests().byAccession("DEMO0006").orElseThrow();
            assertThat(ws.unmatchedStudies().preview(sinus.id(), "DEMO0006").needsConfirmation()).isFalse();
            ws.unmatchedStudies().link(technologist, sinus.id(), sinusRequest.id(), false);
            assertThat(ws.requests().byId(sinusRequest.id()).orElseThrow().status()).isEqualTo(RequestStatus.PERFORMED);
        }
    }
}
