package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.RequestStatus;
import org.lightbox.domain.Role;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.ingest.pacs.PacsQueryRetrieve;
import org.lightbox.ingest.pacs.PacsViewModel;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.FreePorts;
import org.lightbox.testing.OrthancServer;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.HeldTaskExecutor;
import org.lightbox.ui.TaskExecutor;

/**
 * The PACS tab of the Scans screen without a toolkit, against a real Orthanc: the PACS as an
 * administrator set it in Settings, a technologist finding and retrieving a study, which is then
 * matched to its request as an import would be.
 */
class ScansPacsViewModelTest {
    static final String OUR_AE = "LIGHTBOXPACSVM";

    @TempDir
    static Path pacsFolder;
    static OrthancServer orthanc;
    static int scpPort;

    @TempDir
    Path dir;
    IngestFixture department;
    ScansViewModel scans;

    @BeforeAll
    static void startThePacs() {
        scpPort = FreePorts.next();
        orthanc = OrthancServer.start(pacsFolder.resolve("orthanc"), OUR_AE, scpPort);
    }

    @AfterAll
    static void stopThePacs() {
        orthanc.close();
    }

    @BeforeEach
    void openDepartment() {
        department = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        if (scans != null) {
            scans.dispose();
        }
        department.scenario.close();
    }

    /** The request's study, scanned and sent to the PACS (not to us): {@code count} CT slices. */
    private String onThePacs(ImagingRequest request, int count) {
        String study = TestDicomFile.newUid();
        String series = TestDicomFile.newUid();
        for (int i = 1; i <= count; i++) {
            orthanc.store(IngestFixture.sliceFor(request, study, series, i).studyDescription("CT head")
                    .writeTo(dir.resolve("pacs-src")));
        }
        return study;
    }

    private void pacsIsDicomWeb() {
        department.workstation.settingsEditor().savePacs(department.scenario.admin(), PacsProtocol.DICOMWEB,
                orthanc.dicomWebRoot(), OrthancServer.USER, "", "", "");
    }

    private void pacsIsDimse(int port) {
        department.workstation.settingsEditor().savePacs(department.scenario.admin(), PacsProtocol.DIMSE, "", "",
                OrthancServer.AE_TITLE, "127.0.0.1", Integer.toString(port));
        department.workstation.settings().write(StorageScpSettings.KEY, new StorageScpSettings(OUR_AE, scpPort));
    }

    private PacsViewModel pacsTab() {
        return pacsTab(new CurrentThreadTaskExecutor());
    }

    private PacsViewModel pacsTab(TaskExecutor tasks) {
        scans = new ScansViewModel(department.workstation.importer(), department.workstation.unmatchedStudies(),
                department.workstation.quarantine(), department.workstation.storageScp(), department.workstation.settings(),
                department.workstation.pacs(), tasks, department.technologist, () -> { });
        return scans.pacs();
    }

    /** The PACS tab over DICOMweb, the password typed and the patient ID filled in, as before pressing Find. */
    private PacsViewModel dicomWebTabLookingFor(String patientId) {
        pacsIsDicomWeb();
        PacsViewModel pacs = pacsTab();
        pacs.passwordProperty().set(OrthancServer.PASSWORD);
        pacs.patientIdProperty().set(patientId);
        return pacs;
    }

    /** As {@link #dicomWebTabLookingFor}, found, and the one study found selected. */
    private PacsViewModel selectedOnThePacs(String patientId) {
        PacsViewModel pacs = dicomWebTabLookingFor(patientId);
        pacs.find();
        pacs.selectedProperty().set(pacs.studies().get(0));
        return pacs;
    }

    @Test
    void withoutAPacsTheTabSaysWhoSetsItAndOffersNoQuery() {
        PacsViewModel pacs = pacsTab();

        assertThat(pacs.pacsNameProperty().get()).contains("An administrator sets the PACS in Settings");
        assertThat(pacs.canFindProperty().get()).isFalse();
    }

    @Test
    void findByPatientIdListsTheStudyWithItsImageCountAndTheQueryIsAudited() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-PACS-1", "Moreau");
        String study = onThePacs(request, 2);
        PacsViewModel pacs = dicomWebTabLookingFor("LB-PACS-1");

        pacs.find();

        assertThat(pacs.studies()).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).isEqualTo(study);
            assertThat(s.patientName().family()).isEqualTo("MOREAU");
            assertThat(s.accessionNumber()).isEqualTo(request.accession().value());
            assertThat(s.description()).isEqualTo("CT head");
            assertThat(s.instances()).isEqualTo(2);
        });
        assertThat(pacs.summaryProperty().get()).isEqualTo("1 study on the PACS match.");
        assertThat(pacs.busyProperty().get()).isFalse();
        AuditEvent event = department.workstation.auditTrail().latest(1).get(0);
        assertThat(event.action()).isEqualTo("pacs.queried");
        assertThat(event.actorName()).isEqualTo("sam");
        JsonNode details = new ObjectMapper().readTree(event.details());
        assertThat(details.path("patientId").asText()).isEqualTo("LB-PACS-1");
        assertThat(details.path("matches").asInt()).isEqualTo(1);
    }

    @Test
    void aStudyDateRangeThatExcludesTheScanFindsNothingAndSaysSo() {
        ImagingRequest request = department.scheduledRequest("LB-PACS-2", "Moreau");
        onThePacs(request, 1);
        PacsViewModel pacs = dicomWebTabLookingFor("LB-PACS-2");
        pacs.studiedFromProperty().set(IngestFixture.SCANNED.toLocalDate().plusDays(1));

        pacs.find();
        String excluded = pacs.summaryProperty().get();
        pacs.studiedFromProperty().set(IngestFixture.SCANNED.toLocalDate());
        pacs.studiedToProperty().set(IngestFixture.SCANNED.toLocalDate());
        pacs.find();

        assertThat(excluded).isEqualTo("No study on the PACS matches.");
        assertThat(pacs.studies()).hasSize(1);
    }

    @Test
    void retrieveByWadoRsBringsTheStudyInAndAttachesItToItsRequest() {
        ImagingRequest request = department.scheduledRequest("LB-PACS-3", "Moreau");
        String study = onThePacs(request, 3);
        PacsViewModel pacs = selectedOnThePacs("LB-PACS-3");
        java.util.List<String> progress = new java.util.ArrayList<>();
        pacs.progressTextProperty().addListener((o, was, text) -> progress.add(text));

        pacs.retrieve();

        assertThat(progress).containsSubsequence("1 of 3 images received", "3 of 3 images received",
                "Indexing: 3 of 3 files");
        assertThat(pacs.summaryProperty().get()).startsWith("Retrieved CT head of MOREAU, ALICE: 3 images indexed")
                .endsWith("Attached to its request.");
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE study_instance_uid = ? AND request_id = ?",
                study, request.id())).isEqualTo(1);
        assertThat(department.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("pacs.retrieved");
    }

    @Test
    void cancelWhileTheImagesArriveKeepsNoneOfThemAndTheRequestWaits() {
        ImagingRequest request = department.scheduledRequest("LB-PACS-5", "Moreau");
        String study = onThePacs(request, 3);
        PacsViewModel pacs = selectedOnThePacs("LB-PACS-5");
        // The technologist presses Cancel once the first image has arrived.
        pacs.progressTextProperty().addListener((o, was, text) -> {
            if (text.equals("1 of 3 images received")) {
                pacs.cancel();
            }
        });

        pacs.retrieve();

        assertThat(pacs.summaryProperty().get()).isEqualTo("Retrieve of CT head of MOREAU, ALICE cancelled; nothing was kept.");
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE study_instance_uid = ?", study)).isZero();
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SCHEDULED);
        assertThat(pacs.busyProperty().get()).isFalse();
    }

    @Test
    void retrieveByCMoveOfAnotherPatientsImagesLeavesTheStudyUnmatchedWithTheReason() {
        ImagingRequest request = department.scheduledRequest("LB-PACS-4", "Moreau");
        String study = TestDicomFile.newUid();
        // The modality had the wrong patient loaded: the request's accession, someone else's name and MRN.
        orthanc.store(IngestFixture.sliceFor(request, study, TestDicomFile.newUid(), 1).patient("LB-PACS-4X", "NOVAK^BORIS")
                .writeTo(dir.resolve("pacs-src")));
        pacsIsDimse(orthanc.dicomPort());
        PacsViewModel pacs = pacsTab();
        // By the MRN in the images: every workstation here numbers its accessions from ACC1, and the PACS is shared.
        pacs.patientIdProperty().set("LB-PACS-4X");
        pacs.find();
        pacs.selectedProperty().set(pacs.studies().get(0));
        java.util.List<String> progress = new java.util.ArrayList<>();
        java.util.List<Boolean> cancellable = new java.util.ArrayList<>();
        pacs.progressTextProperty().addListener((o, was, text) -> {
            progress.add(text);
            cancellable.add(pacs.busyProperty().get() && pacs.cancellableProperty().get());
        });

        pacs.retrieve();

        assertThat(progress).anyMatch(text -> text.startsWith("The Storage SCP is off: it listens as " + OUR_AE
                + " on port " + scpPort + " for this retrieve only"));
        assertThat(cancellable).as("Cancel offered during the C-MOVE").isNotEmpty().containsOnly(false);

        assertThat(pacs.summaryProperty().get()).startsWith("Retrieved").contains("1 image indexed")
                .contains("Unmatched: Accession " + request.accession().value() + " belongs to");
        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).isEqualTo(study);
            assertThat(s.unmatchedReason()).contains("NOVAK");
        });
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SCHEDULED);
        assertThat(department.workstation.storageScp().isRunning()).as("started for the retrieve only").isFalse();
    }

    @Test
    void aFindCancelledBeforeThePacsAnswersFreesTheTabAndItsLateAnswerIsDropped() {
        ImagingRequest request = department.scheduledRequest("LB-PACS-6", "Moreau");
        onThePacs(request, 1);
        pacsIsDicomWeb();
        HeldTaskExecutor held = new HeldTaskExecutor();
        PacsViewModel pacs = pacsTab(held);
        held.runAll();
        pacs.passwordProperty().set(OrthancServer.PASSWORD);
        pacs.patientIdProperty().set("LB-PACS-6");
        pacs.find();
        boolean busyWhileAsking = pacs.busyProperty().get();

        pacs.cancel();
        boolean freeAfterCancel = pacs.canFindProperty().get();
        held.runAll(); // the PACS answers after all

        assertThat(busyWhileAsking).isTrue();
        assertThat(freeAfterCancel).isTrue();
        assertThat(pacs.studies()).isEmpty();
        assertThat(pacs.summaryProperty().get()).isEqualTo("Query cancelled.");
    }

    @Test
    void aPacsThatIsDownGivesAMessageAndTheTabIsReadyAgain() {
        pacsIsDimse(FreePorts.next());
        PacsViewModel pacs = pacsTab();
        pacs.patientIdProperty().set("LB-1");

        pacs.find();

        assertThat(pacs.messageProperty().get()).contains("C-FIND").contains("is the PACS running");
        assertThat(pacs.studies()).isEmpty();
        assertThat(pacs.busyProperty().get()).isFalse();
        assertThat(pacs.canFindProperty().get()).isTrue();
    }

    @Test
    void withoutThePasswordOfTheDicomWebUserTheQueryAsksForIt() {
        pacsIsDicomWeb();
        PacsViewModel pacs = pacsTab();
        pacs.patientIdProperty().set("LB-1");

        pacs.find();

        assertThat(pacs.needsPasswordProperty().get()).isTrue();
        assertThat(pacs.messageProperty().get()).isEqualTo("Type the password of the PACS user lightbox first");
    }

    @Test
    void aRadiologistIsRefusedByTheServiceWhateverTheScreenShows() {
        pacsIsDicomWeb();
        PacsQueryRetrieve service = department.workstation.pacs();

        Throwable refused = catchThrowable(() -> service.find(department.scenario.user("rita", Role.RADIOLOGIST),
                StudyQuery.byPatientId("LB-1"), OrthancServer.PASSWORD));

        assertThat(refused).isInstanceOf(PermissionDeniedException.class).hasMessageContaining("may not register completed scans");
    }

    @Test
    void aDateRangeThatEndsBeforeItStartsIsRefusedBeforeAskingThePacs() {
        pacsIsDicomWeb();
        PacsViewModel pacs = pacsTab();
        pacs.studiedFromProperty().set(LocalDate.of(2025, 6, 2));
        pacs.studiedToProperty().set(LocalDate.of(2025, 6, 1));

        pacs.find();

        assertThat(pacs.messageProperty().get()).contains("ends (2025-06-01) before it starts (2025-06-02)");
    }
}
