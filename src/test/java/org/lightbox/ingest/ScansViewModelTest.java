package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.HeldTaskExecutor;
import org.lightbox.ui.TaskExecutor;

/** The Scans screen's model without a toolkit: progress, Cancel, and what it loads in the background. */
class ScansViewModelTest {
    @TempDir
    Path dir;
    IngestFixture department;
    ScansViewModel model;

    @BeforeEach
    void openDepartment() {
        department = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        if (model != null) {
            model.dispose();
        }
        department.scenario.close();
    }

    private ScansViewModel model(TaskExecutor tasks) {
        model = new ScansViewModel(department.workstation.importer(), department.workstation.unmatchedStudies(),
                department.workstation.quarantine(), department.workstation.storageScp(), department.workstation.settings(),
                department.workstation.pacs(), tasks, department.technologist, () -> { });
        return model;
    }

    @Test
    void theProgressBarMovesWithEveryFileOfASmallImport() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan, request, TestDicomFile.newUid(), 3);
        ScansViewModel scans = model(new CurrentThreadTaskExecutor());
        List<String> texts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        scans.progressTextProperty().addListener((o, was, text) -> texts.add(text));
        scans.progressProperty().addListener((o, was, fraction) -> fractions.add(fraction.doubleValue()));

        scans.importPaths(List.of(scan));

        assertThat(texts).containsSubsequence("1 of 3 files", "2 of 3 files", "3 of 3 files");
        assertThat(fractions).containsSubsequence(1.0 / 3, 2.0 / 3, 1.0);
        assertThat(scans.summaryProperty().get()).startsWith("3 images indexed");
    }

    @Test
    void cancelStopsAtTheNextFileAndTheStudyCutShortWaitsUnmatchedInsteadOfReachingTheWorklist() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan, request, TestDicomFile.newUid(), DicomImporter.BATCH_SIZE + 100);
        ScansViewModel scans = model(new CurrentThreadTaskExecutor());
        // The technologist presses Cancel once the bar has passed the first batch.
        scans.progressTextProperty().addListener((o, was, text) -> {
            if (text.endsWith(" files") && Integer.parseInt(text.split(" ")[0]) > DicomImporter.BATCH_SIZE) {
                scans.cancel();
            }
        });

        scans.importPaths(List.of(scan));

        assertThat(scans.importingProperty().get()).isFalse();
        assertThat(scans.summaryProperty().get()).startsWith(DicomImporter.BATCH_SIZE + " images indexed")
                .endsWith("1 study unmatched (cancelled)");
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isEqualTo(DicomImporter.BATCH_SIZE);
        assertThat(scans.unmatched()).singleElement().satisfies(s -> {
            assertThat(s.unmatchedReason()).isEqualTo(StudyIndex.ARRIVING);
            assertThat(s.instanceCount()).isEqualTo(DicomImporter.BATCH_SIZE);
        });
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SCHEDULED);
        assertThat(department.count("SELECT count(*) FROM worklist_item")).isZero();
    }

    @Test
    void theSavedStorageScpSettingsAreReadInTheBackgroundNotWhileTheScreenIsBuilt() {
        department.workstation.settings().write(StorageScpSettings.KEY, new StorageScpSettings("CTROOM2", 11200));
        HeldTaskExecutor held = new HeldTaskExecutor();

        ScansViewModel scans = model(held);

        assertThat(scans.scpAeTitleProperty().get()).isNull();
        held.runAll();
        assertThat(scans.scpAeTitleProperty().get()).isEqualTo("CTROOM2");
        assertThat(scans.scpPortProperty().get()).isEqualTo("11200");
    }

    @Test
    void whatTheTechnologistTypedBeforeTheSettingsArriveIsKept() {
        HeldTaskExecutor held = new HeldTaskExecutor();
        ScansViewModel scans = model(held);

        scans.scpPortProperty().set("104");
        held.runAll();

        assertThat(scans.scpPortProperty().get()).isEqualTo("104");
        assertThat(scans.scpAeTitleProperty().get()).isEqualTo(StorageScpSettings.DEFAULTS.aeTitle());
    }
}
