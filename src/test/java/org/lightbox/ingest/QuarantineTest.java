package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.request.ImagingRequest;

class QuarantineTest {
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

    @Test
    void everyBadFileIsQuarantinedWithAReasonAndTheGoodOnesAreStillIndexed() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path folder = dir.resolve("usb");
        Map<String, Path> corpus = BadInputCorpus.writeInto(folder);
        IngestFixture.series(folder.resolve("good"), request, TestDicomFile.newUid(), 3);
        Map<Path, String> before = checksums(folder);

        // The empty DICOMDIR is inside the folder: the walk finds it and says why the medium is incomplete.
        ImportSummary summary = department.importPaths(folder);

        assertThat(summary.indexed()).isEqualTo(3);
        assertThat(summary.rejected()).extracting(Rejection::path).containsExactlyInAnyOrderElementsOf(
                corpus.values().stream().map(Path::toString).toList());
        assertThat(summary.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        List<QuarantinedFile> quarantined = department.workstation.quarantine().recent(100);
        assertThat(quarantined).hasSize(corpus.size());
        assertThat(quarantined).allSatisfy(q -> assertThat(department.workstation.quarantine().folder()
                .resolve(q.storedPath())).exists());
        assertThat(checksums(folder)).as("the source is never modified").isEqualTo(before);
        assertThat(reasonOf(summary, corpus, "text file")).isEqualTo("not a DICOM file");
        assertThat(reasonOf(summary, corpus, "truncated in the pixels")).contains("truncated");
        assertThat(reasonOf(summary, corpus, "preamble dropped")).contains("preamble is missing");
        assertThat(reasonOf(summary, corpus, "missing SOP Instance UID")).contains("SOP Instance UID");
        assertThat(reasonOf(summary, corpus, "malformed UID")).contains("invalid Study Instance UID");
        assertThat(reasonOf(summary, corpus, "unknown transfer syntax")).contains("unsupported transfer syntax");
        assertThat(reasonOf(summary, corpus, "empty DICOMDIR")).contains("lists no files");
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_file.quarantined'"))
                .isEqualTo(quarantined.size());
    }

    @Test
    void anEmptyDicomdirChosenAsTheSourceIsQuarantinedWithItsReason() throws Exception {
        Path dicomdir = BadInputCorpus.writeInto(dir.resolve("usb")).get("empty DICOMDIR");

        ImportSummary summary = department.importPaths(dicomdir);

        assertThat(summary.rejected()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(dicomdir.toString());
            assertThat(r.reason()).isEqualTo("the DICOMDIR lists no files; the CD or export may be incomplete");
        });
        assertThat(department.workstation.quarantine().recent(10)).singleElement()
                .satisfies(q -> assertThat(q.reasonCode()).isEqualTo("EMPTY_DIRECTORY"));
    }

    @Test
    void aBatchThatCannotBeStoredLeavesNoHalfIndexedStudy() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        String study = TestDicomFile.newUid();
        IngestFixture.series(dir.resolve("scan/a"), request, study, 2);
        List<Path> second = IngestFixture.series(dir.resolve("scan/b"), request, study, 2);
        // The second series' folder in the store is taken by a file: its copies fail half-way through the batch.
        Path store = department.workstation.dicomStore().root();
        Files.createDirectories(store.resolve(study));
        Files.writeString(store.resolve(study).resolve(seriesUidOf(second.get(0))), "in the way");

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> department.importPaths(dir.resolve("scan")));

        assertThat(failure).isInstanceOf(org.lightbox.store.StoreException.class).hasMessageContaining("Cannot copy");
        assertThat(department.count("SELECT count(*) FROM dicom_study")).isZero();
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isZero();
        try (Stream<Path> left = Files.walk(store)) {
            assertThat(left.filter(p -> p.toString().endsWith(".dcm"))).as("copies of the failed batch are removed").isEmpty();
        }
    }

    private static String seriesUidOf(Path file) {
        return org.lightbox.dicom.testing.Dcmtk.value(file, "0020,000e");
    }

    private static String reasonOf(ImportSummary summary, Map<String, Path> corpus, String name) {
        return summary.rejected().stream().filter(r -> r.path().equals(corpus.get(name).toString())).findFirst()
                .orElseThrow().reason();
    }

    private static Map<Path, String> checksums(Path folder) throws Exception {
        Map<Path, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sums.put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return sums;
    }
}
