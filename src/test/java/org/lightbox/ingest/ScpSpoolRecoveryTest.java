package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.FreePorts;

/**
 * Images storescu delivered but the workstation could not index (here: the image store cannot be
 * written) are not left behind silently: the failure is reported, the files stay in the spool, and
 * the next start of the Storage SCP, after a restart of the workstation, imports them.
 */
class ScpSpoolRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aDeliveryThatCouldNotBeIndexedIsReportedKeptAndImportedWhenTheScpNextStarts() throws Exception {
        IngestFixture department = new IngestFixture(dir);
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        String study = TestDicomFile.newUid();
        List<Path> slices = IngestFixture.series(dir.resolve("modality"), request, study, 3);
        // The study's folder in the image store is taken by a file: every copy into it fails.
        Path obstacle = Files.writeString(Files.createDirectories(department.workstation.dicomStore().root())
                .resolve(study), "in the way");
        BlockingQueue<String> failures = new LinkedBlockingQueue<>();
        department.workstation.storageScp().onFailure(failures::add);
        int port = FreePorts.next();
        department.workstation.storageScp().start(department.technologist, "LIGHTBOX", port);
        Path spool = department.workstation.folder().incoming().resolve("storage-scp");
        try {
            assertThat(send(port, slices).succeeded()).isTrue();

            String failure = failures.poll(60, TimeUnit.SECONDS);
            assertThat(failure).startsWith("Could not index 3 images (C-STORE from CT1): Cannot copy")
                    .endsWith("They are kept and will be imported again when the Storage SCP next starts.");
            assertThat(filesIn(spool)).hasSize(3);
            assertThat(department.count("SELECT count(*) FROM dicom_instance")).isZero();
        } finally {
            department.scenario.close();
        }
        Files.delete(obstacle);
        // A receive cut short by a crash leaves a partial file in the spool.
        Path cutShort = spool.resolve("cut-short");
        Files.write(cutShort, Arrays.copyOf(Files.readAllBytes(slices.get(0)), 600));

        try (Workstation restarted = Workstation.open(new DataFolder(dir.resolve("data")), Clock.systemDefaultZone(),
                new PasswordHasher(1_000))) {
            BlockingQueue<ImportSummary> deliveries = new LinkedBlockingQueue<>();
            restarted.storageScp().onImported(deliveries::add);

            restarted.storageScp().start(Actor.SYSTEM, "LIGHTBOX", FreePorts.next());

            ImportSummary recovered = deliveries.poll(60, TimeUnit.SECONDS);
            assertThat(recovered).isNotNull();
            assertThat(recovered.indexed()).isEqualTo(3);
            assertThat(restarted.requests().byId(request.id()).orElseThrow().status()).isEqualTo(RequestStatus.PERFORMED);
            assertThat(restarted.quarantine().recent(10)).singleElement().satisfies(q -> {
                assertThat(q.source()).isEqualTo(StorageScpService.LEFTOVERS);
                assertThat(q.reason()).contains("truncated");
            });
            assertThat(filesIn(spool)).as("the spool is empty once everything is indexed or quarantined").isEmpty();
        }
    }

    private static Dcmtk.Result send(int port, List<Path> files) {
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1",
                Integer.toString(port)));
        files.forEach(f -> command.add(f.toString()));
        return Dcmtk.run(command.toArray(String[]::new));
    }

    private static List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
