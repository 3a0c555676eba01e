package org.lightbox.ingest.pacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.Workstation;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.dicom.net.QueryRetrieveScu;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Role;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.store.Sql;
import org.lightbox.testing.FreePorts;
import org.lightbox.testing.OrthancServer;
import org.lightbox.testing.Scenario;

/** A real Orthanc holds a prior study; Lightbox finds it by QIDO-RS and C-FIND and retrieves it by WADO-RS and C-MOVE. */
class PacsRetrievalTest {
    static final String OUR_AE = "LIGHTBOXTEST";
    static final String STUDY = TestDicomFile.newUid();

    @TempDir
    static Path pacsFolder;
    static OrthancServer orthanc;
    static int scpPort;

    @TempDir
    Path dir;
    Scenario scenario;
    Workstation workstation;
    Actor technologist;

    @BeforeAll
    static void startThePacsWithAPriorStudy() {
        scpPort = FreePorts.next();
        orthanc = OrthancServer.start(pacsFolder.resolve("orthanc"), OUR_AE, scpPort);
        String series = TestDicomFile.newUid();
        for (int i = 1; i <= 3; i++) {
            Path slice = TestDicomFiles.ct().patient("LB-100001", "MOREAU^ALICE").accession("PRIOR1").study(STUDY)
                    .series(series).instanceNumber(i).studyDescription("CT head prior").writeTo(pacsFolder.resolve("src"));
            orthanc.store(i == 3 ? Dcmtk.transcode(slice, pacsFolder.resolve("src/jpeg.dcm"), "dcmcjpeg", "+e1") : slice);
        }
        orthanc.store(TestDicomFiles.mr().patient("LB-2", "NOVAK^BORIS").writeTo(pacsFolder.resolve("src")));
    }

    @AfterAll
    static void stopThePacs() {
        orthanc.close();
    }

    @BeforeEach
    void openWorkstation() {
        scenario = new Scenario(dir);
        workstation = scenario.workstation;
        technologist = scenario.user("sam", Role.TECHNOLOGIST);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private DicomWebClient dicomWeb() {
        return DicomWebClient.connect(orthanc.dicomWebRoot(), OrthancServer.USER, OrthancServer.PASSWORD);
    }

    private DicomNode pacs() {
        return new DicomNode(OrthancServer.AE_TITLE, "127.0.0.1", orthanc.dicomPort());
    }

    @Test
    void findsThePatientsStudyByQidoRs() throws Exception {
        List<RemoteStudy> found = dicomWeb().searchStudies(StudyQuery.byPatientId("LB-100001"));

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).isEqualTo(STUDY);
            assertThat(s.accessionNumber()).isEqualTo("PRIOR1");
            assertThat(s.patientName().family()).isEqualTo("MOREAU");
            assertThat(s.description()).isEqualTo("CT head prior");
            assertThat(s.modalities()).containsExactly("CT");
            assertThat(s.instances()).isEqualTo(3);
        });
    }

    @Test
    void findsThePatientsStudyByCFind() throws Exception {
        List<RemoteStudy> found = new QueryRetrieveScu(OUR_AE).findStudies(pacs(), StudyQuery.byPatientId("LB-100001"));

        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).isEqualTo(STUDY);
            assertThat(s.patientName().given()).isEqualTo("ALICE");
            assertThat(s.instances()).isEqualTo(3);
        });
    }

    @Test
    void retrievesTheStudyByWadoRsKeepingItsTransferSyntaxes() {
        ImportSummary summary = retrieval().retrieveByDicomWeb(technologist, dicomWeb(), STUDY);

        assertThat(summary.indexed()).isEqualTo(3);
        assertThat(summary.rejected()).isEmpty();
        long jpeg = workstation.database().read(c -> Sql.count(c,
                "SELECT count(*) FROM dicom_instance WHERE transfer_syntax = '1.2.840.10008.1.2.4.70'"));
        assertThat(jpeg).isEqualTo(1);
        assertThat(workstation.unmatchedStudies().queue()).singleElement()
                .satisfies(s -> assertThat(s.studyInstanceUid()).isEqualTo(STUDY));
    }

    @Test
    void retrievesTheStudyByCMoveToTheStorageScp() {
        ImportSummary summary = retrieval().retrieveByCMove(technologist, pacs(), OUR_AE, scpPort, STUDY);

        assertThat(summary.indexed()).isEqualTo(3);
        long instances = workstation.database().read(c -> Sql.count(c, "SELECT count(*) FROM dicom_instance"));
        assertThat(instances).isEqualTo(3);
        assertThat(workstation.storageScp().isRunning()).isFalse();
    }

    @Test
    void aWrongPasswordGivesAMessageToActOn() {
        DicomWebClient wrong = DicomWebClient.connect(orthanc.dicomWebRoot(), OrthancServer.USER, "wrong");

        Throwable refused = catchThrowable(() -> wrong.searchStudies(StudyQuery.byPatientId("LB-100001")));

        assertThat(refused).isInstanceOf(DicomWebException.class).hasMessageContaining("check the user name and password");
    }

    @Test
    void aPacsThatIsNotThereGivesAMessageToActOn() {
        DicomNode nobody = new DicomNode("NOBODY", "127.0.0.1", FreePorts.next());

        Throwable failed = catchThrowable(() -> retrieval().retrieveByCMove(technologist, nobody, OUR_AE, scpPort, STUDY));

        assertThat(failed).isInstanceOf(DomainException.class).hasMessageContaining("C-MOVE").hasMessageContaining("NOBODY");
    }

    @Test
    void thePacsCommandFindsByCFindAndRetrievesByWadoRs() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new PacsCommand(workstation::pacs));
        cli.setOut(new java.io.PrintWriter(out));

        int found = cli.execute("find", "--dimse", "ORTHANC@127.0.0.1:" + orthanc.dicomPort(), "--aet", OUR_AE,
                "--patient-id", "LB-100001");
        int retrieved = cli.execute("retrieve", "--dicomweb", orthanc.dicomWebRoot(), "--user", OrthancServer.USER,
                "--password", OrthancServer.PASSWORD, "--study", STUDY);

        assertThat(found).isZero();
        assertThat(retrieved).isZero();
        assertThat(out.toString()).contains(STUDY).contains("MOREAU, ALICE").contains("1 study")
                .contains("3 images indexed");
    }

    private PacsRetrieval retrieval() {
        return new PacsRetrieval(workstation.importer(), workstation.storageScp(), workstation.folder().incoming());
    }
}
