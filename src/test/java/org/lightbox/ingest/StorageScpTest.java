package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.FreePorts;

/** dcmtk's echoscu and storescu, real DICOM peers, talk to the workstation's Storage SCP. */
class StorageScpTest {
    @TempDir
    Path dir;
    IngestFixture department;
    int port;
    final BlockingQueue<ImportSummary> deliveries = new LinkedBlockingQueue<>();

    @BeforeEach
    void startTheScp() {
        department = new IngestFixture(dir);
        port = FreePorts.next();
        department.workstation.storageScp().onImported(deliveries::add);
        department.workstation.storageScp().start(department.technologist, "LIGHTBOX", port);
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    @Test
    void answersAnEcho() {
        Dcmtk.Result echo = Dcmtk.run("echoscu", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1", Integer.toString(port));

        assertThat(echo.succeeded()).as(echo.output()).isTrue();
    }

    @Test
    void aSeriesSentWithStorescuAppearsOnTheWorklist() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        List<Path> slices = IngestFixture.series(dir.resolve("modality"), request, TestDicomFile.newUid(), 4);

        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1",
                Integer.toString(port)));
        slices.forEach(s -> command.add(s.toString()));
        Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));

        assertThat(sent.succeeded()).as(sent.output()).isTrue();
        ImportSummary delivered = deliveries.poll(60, TimeUnit.SECONDS);
        assertThat(delivered).isNotNull();
        assertThat(delivered.indexed()).isEqualTo(4);
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.workstation.worklist().snapshot().entries())
                .anySatisfy(e -> assertThat(e.requestId()).isEqualTo(request.id()))
                .allSatisfy(e -> assertThat(e.studyCount()).isEqualTo(1));
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.received'"
                + " AND actor_name = 'system' AND details LIKE '%C-STORE from CT1%'")).isEqualTo(1);
    }

    @Test
    void compressedImagesAreAcceptedWhenTheSenderOffersOnlyTheirSyntax() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path slice = IngestFixture.series(dir.resolve("modality"), request, TestDicomFile.newUid(), 1).get(0);
        Path jpeg = Dcmtk.transcode(slice, dir.resolve("jpeg.dcm"), "dcmcjpeg", "+e1");

        Dcmtk.Result sent = Dcmtk.run("storescu", "-xs", "-aet", "CT1", "-aec", "LIGHTBOX", "127.0.0.1",
                Integer.toString(port), jpeg.toString());

        assertThat(sent.succeeded()).as(sent.output()).isTrue();
        assertThat(deliveries.poll(60, TimeUnit.SECONDS)).extracting(ImportSummary::indexed).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM dicom_instance WHERE transfer_syntax = '1.2.840.10008.1.2.4.70'"))
                .isEqualTo(1);
    }

    @Test
    void aSecondScpOnTheSamePortIsRefusedWithAClearMessage() {
        IngestFixture other = new IngestFixture(dir.resolve("other"));
        try {
            Throwable refused = catchThrowable(() -> other.workstation.storageScp().start(other.technologist, "OTHER", port));

            assertThat(refused).isInstanceOf(DomainException.class).hasMessageContaining("Port " + port);
        } finally {
            other.scenario.close();
        }
    }
}
