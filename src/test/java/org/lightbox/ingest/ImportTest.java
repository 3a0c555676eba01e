package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.RequestStatus;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestForm;
import org.lightbox.store.Sql;

class ImportTest {
    private static final String TRANSFER_SYNTAX = "0002,0010";
    private static final String INSTANCE_NUMBER = "0020,0013";
    private static final String SLICE_LOCATION = "0020,1041";
    private static final String FRAMES = "0028,0008";
    private static final String ROWS = "0028,0010";
    private static final String COLUMNS = "0028,0011";
    private static final String PIXEL_SPACING = "0028,0030";

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
    void technologistImportsAFolderAndTheScheduledRequestBecomesPerformedOnTheWorklist() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path scan = dir.resolve("scan");
        String study = TestDicomFile.newUid();
        IngestFixture.series(scan.resolve("s1"), request, study, 3);
        IngestFixture.series(scan.resolve("s2"), request, study, 2);

        ImportSummary summary = department.importPaths(scan);

        assertThat(summary).extracting(ImportSummary::indexed, ImportSummary::duplicates, ImportSummary::studies,
                ImportSummary::series, ImportSummary::unmatched).containsExactly(5, 0, 1, 2, 0);
        assertThat(summary.rejected()).isEmpty();
        ImagingRequest performed = department.workstation.requests().byId(request.id()).orElseThrow();
        assertThat(performed.status()).isEqualTo(RequestStatus.PERFORMED);
        Instant scannedAt = IngestFixture.SCANNED.atZone(department.scenario.clock.getZone()).toInstant();
        assertThat(performed.performedAt()).isEqualTo(scannedAt);
        assertThat(department.workstation.worklist().snapshot().entries()).anySatisfy(e -> {
            assertThat(e.requestId()).isEqualTo(request.id());
            assertThat(e.studyCount()).isEqualTo(1);
        });
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ? AND series_count = 2"
                + " AND instance_count = 5 AND match_status = 'matched'", request.id())).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'dicom_study.matched'"
                + " AND actor_name = 'sam'")).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM outbox WHERE class_name = 'DicomStudy'")).isPositive();
    }

    @Test
    void registeringTheScanAuditsTheStatusChangeAndQueuesTheRequestAndItsWorklistItemForTheCentralStore() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        long requestRowsBefore = department.count("SELECT count(*) FROM outbox WHERE class_name = 'ImagingRequest'"
                + " AND object_id = ?", request.id());
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan, request, TestDicomFile.newUid(), 2);

        department.importPaths(scan);

        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'request.status_changed'"
                + " AND target_id = ? AND actor_name = 'sam' AND details LIKE '%\"from\":\"scheduled\"%'"
                + " AND details LIKE '%\"to\":\"performed\"%'", request.id())).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM outbox WHERE class_name = 'ImagingRequest' AND object_id = ?"
                + " AND operation = 'update' AND payload LIKE '%\"status\":\"performed\"%'", request.id())).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM outbox WHERE class_name = 'ImagingRequest' AND object_id = ?",
                request.id())).isEqualTo(requestRowsBefore + 1);
        String item = department.workstation.database().read(c -> Sql.one(c,
                "SELECT id FROM worklist_item WHERE request_id = ?", r -> r.getString(1), request.id())).orElseThrow();
        assertThat(department.count("SELECT count(*) FROM outbox WHERE class_name = 'WorklistItem' AND object_id = ?"
                + " AND operation = 'create'", item)).isEqualTo(1);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action = 'worklist.item_created'"
                + " AND target_id = ?", item)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: due {1} h after the scan")
    @CsvSource({"stat, 1", "urgent, 4", "routine, 24"})
    void theImportedScanIsDueOnTheWorklistAfterTheTimeItsPriorityAllows(String priority, int hours) {
        RequestForm f = department.scenario.form("LB-1", "Moreau");
        ImagingRequest request = department.scenario.request(Actor.SYSTEM, new RequestForm(f.mrn(), f.familyName(),
                f.givenName(), f.birthDate(), f.sex(), f.accession(), f.orderingClinician(), priority, f.modality(),
                f.description(), f.clinicalIndication(), null, null, null));
        department.workstation.lifecycle().schedule(Actor.SYSTEM, request.id(), department.scenario.scanner(ModalityType.CT),
                department.scenario.clock.instant().minusSeconds(3600));
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan, request, TestDicomFile.newUid(), 1);

        department.importPaths(scan);

        Instant scannedAt = IngestFixture.SCANNED.atZone(department.scenario.clock.getZone()).toInstant();
        Instant due = department.workstation.database().read(c -> Sql.one(c,
                "SELECT due_at FROM worklist_item WHERE request_id = ?", r -> Sql.instant(r, "due_at"), request.id()))
                .orElseThrow();
        assertThat(due).isEqualTo(scannedAt.plus(Duration.ofHours(hours)));
    }

    @Test
    void everyImageIsCopiedIntoTheManagedStoreUnderItsUids() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        String study = TestDicomFile.newUid();
        Path slice = IngestFixture.series(dir.resolve("scan"), request, study, 1).get(0);

        department.importPaths(slice);

        List<String> paths = department.workstation.database().read(c -> Sql.list(c,
                "SELECT file_path FROM dicom_instance", r -> r.getString(1)));
        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p).startsWith(study + "/").endsWith(".dcm");
            assertThat(department.workstation.dicomStore().root().resolve(p)).hasSameBinaryContentAs(slice);
        });
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan, request, TestDicomFile.newUid(), 4);
        department.importPaths(scan);
        long events = department.count("SELECT count(*) FROM audit_event WHERE action LIKE 'dicom_study.%'");

        ImportSummary again = department.importPaths(scan);

        assertThat(again.indexed()).isZero();
        assertThat(again.duplicates()).isEqualTo(4);
        assertThat(department.count("SELECT count(*) FROM dicom_instance")).isEqualTo(4);
        assertThat(department.count("SELECT count(*) FROM audit_event WHERE action LIKE 'dicom_study.%'")).isEqualTo(events);
    }

    @Test
    void aSeriesArrivingLaterJoinsItsStudyAndKeepsThePerformedTime() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        String study = TestDicomFile.newUid();
        department.importPaths(IngestFixture.series(dir.resolve("first"), request, study, 2).toArray(Path[]::new));
        Instant performedAt = department.workstation.requests().byId(request.id()).orElseThrow().performedAt();
        department.scenario.clock.advance(java.time.Duration.ofMinutes(30));

        ImportSummary late = department.importPaths(dir.resolve("second"),
                IngestFixture.series(dir.resolve("second"), request, study, 3).get(0));

        assertThat(late.indexed()).isEqualTo(3);
        ImagingRequest after = department.workstation.requests().byId(request.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(RequestStatus.PERFORMED);
        assertThat(after.performedAt()).isEqualTo(performedAt);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE series_count = 2 AND instance_count = 5"))
                .isEqualTo(1);
    }

    @Test
    void aStudyWholeBeforeTheRunWasCancelledIsRegisteredWhenItsFilesAreImportedAgainAsDuplicates() {
        ImagingRequest first = department.scheduledRequest("LB-1", "Moreau");
        ImagingRequest second = department.scheduledRequest("LB-2", "Novak");
        Path scan = dir.resolve("scan");
        IngestFixture.series(scan.resolve("a"), first, TestDicomFile.newUid(), DicomImporter.BATCH_SIZE);
        IngestFixture.series(scan.resolve("b"), second, TestDicomFile.newUid(), 2);
        ImportProgress cancelInSecondBatch = new ImportProgress() {
            private boolean cancelled;

            @Override
            public void advanced(int filesDone, int filesTotal) {
                cancelled |= filesDone > DicomImporter.BATCH_SIZE;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        department.workstation.importer().importPaths(department.technologist, List.of(scan), IngestOrigin.IMPORT, "test",
                cancelInSecondBatch);
        assertThat(department.workstation.requests().byId(first.id()).orElseThrow().status())
                .as("all of Moreau's images are in, but the run stopped before its end").isEqualTo(RequestStatus.SCHEDULED);

        ImportSummary again = department.importPaths(scan);

        assertThat(again.duplicates()).isEqualTo(DicomImporter.BATCH_SIZE);
        assertThat(department.workstation.requests().byId(first.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.workstation.requests().byId(second.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PERFORMED);
        assertThat(department.workstation.unmatchedStudies().queue()).isEmpty();
    }

    @Test
    void aStudyOfAnotherPatientUnderTheAccessionWaitsUnmatchedWithTheReason() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path slice = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1)
                .patient("LB-2", "NOVAK^BORIS").writeTo(dir.resolve("scan"));

        ImportSummary summary = department.importPaths(slice);

        assertThat(summary.unmatched()).isEqualTo(1);
        assertThat(department.workstation.requests().byId(request.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.SCHEDULED);
        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(s -> {
            assertThat(s.requestId()).isNull();
            assertThat(s.unmatchedReason()).contains(request.accession().value()).contains("MOREAU")
                    .contains("NOVAK").contains("Patient ID").contains("Name");
        });
    }

    @Test
    void aStudyWithoutOrWithAnUnknownAccessionWaitsUnmatched() {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path none = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1).accession("")
                .writeTo(dir.resolve("scan"));
        Path unknown = IngestFixture.sliceFor(request, TestDicomFile.newUid(), TestDicomFile.newUid(), 1)
                .accession("NOSUCH1").writeTo(dir.resolve("scan"));

        department.importPaths(none, unknown);

        assertThat(department.workstation.unmatchedStudies().queue()).extracting(IndexedStudy::unmatchedReason)
                .containsExactlyInAnyOrder("The images carry no accession number; link them to their request by hand",
                        "Accession NOSUCH1 matches no request on this workstation");
    }

    @Test
    void aDicomdirImportsTheFilesItListsWithTheirCounts() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path medium = dir.resolve("cd");
        String study = TestDicomFile.newUid();
        String series1 = TestDicomFile.newUid();
        String series2 = TestDicomFile.newUid();
        for (int i = 1; i <= 3; i++) {
            IngestFixture.sliceFor(request, study, series1, i).writeAs(medium.resolve("IMAGES/S1IM" + i));
        }
        for (int i = 1; i <= 2; i++) {
            IngestFixture.sliceFor(request, study, series2, i).writeAs(medium.resolve("IMAGES/S2IM" + i));
        }
        org.lightbox.dicom.testing.TestDicomFiles.mr().patient("LB-9", "OTHER^PAT").writeAs(medium.resolve("IMAGES/MRIM1"));
        Files.writeString(medium.resolve("AUTORUN.INF"), "[autorun]\r\n");
        Dcmtk.Result made = Dcmtk.run(medium, java.nio.charset.StandardCharsets.UTF_8, "dcmmkdir", "+r", "IMAGES");
        assertThat(made.succeeded()).as(made.output()).isTrue();

        ImportSummary summary = department.importPaths(medium.resolve("DICOMDIR"));
        ImportSummary asAFolder = department.importPaths(medium);

        assertThat(summary).extracting(ImportSummary::indexed, ImportSummary::studies, ImportSummary::series)
                .containsExactly(6, 2, 3);
        assertThat(summary.rejected()).isEmpty();
        assertThat(asAFolder.duplicates()).as("the whole CD as a folder: the same images, its DICOMDIR not rejected")
                .isEqualTo(6);
        assertThat(asAFolder.rejected()).extracting(Rejection::path).containsExactly(medium.resolve("AUTORUN.INF")
                .toString());
        assertThat(department.count("SELECT count(DISTINCT header_patient_id) FROM dicom_study")).isEqualTo(2);
        assertThat(department.count("SELECT count(*) FROM dicom_study WHERE request_id = ? AND series_count = 2"
                + " AND instance_count = 5", request.id())).isEqualTo(1);
    }

    /**
     * What the viewer orders and lays out images by, read back from the index after importing the
     * sample studies (CT, MR, CR, a multi-frame US cine, seven transfer syntaxes) and checked against
     * dcmdump on each stored file.
     */
    private record Row(String file, String transferSyntax, Integer instanceNumber, Double sliceLocation, int frames,
                       int rows, int columns, String pixelSpacing) {
    }

    @Test
    void everyInstanceKeepsItsSizeFramesSpacingPositionNumberAndTransferSyntaxAsTheFileSaysThem() {
        ImportSummary summary = department.importPaths(Path.of("sample-dicom"));
        assertThat(summary.rejected()).extracting(Rejection::path).containsExactly(Path.of("sample-dicom", "README.md")
                .toString());

        List<Row> rows = department.workstation.database().read(c -> Sql.list(c, "SELECT * FROM dicom_instance",
                r -> new Row(r.getString("file_path"), r.getString("transfer_syntax"), (Integer) r.getObject("instance_number"),
                        r.getObject("slice_location") == null ? null : r.getDouble("slice_location"), r.getInt("frames"),
                        r.getInt("rows"), r.getInt("columns"), r.getString("pixel_spacing"))));
        assertThat(rows).hasSize(summary.indexed()).hasSizeGreaterThan(100);
        assertThat(rows.stream().map(Row::transferSyntax).distinct().count()).as("the samples' transfer syntaxes")
                .isGreaterThanOrEqualTo(7);
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            Path file = department.workstation.dicomStore().root().resolve(row.file());
            Map<String, String> dump = Dcmtk.values(file, TRANSFER_SYNTAX, INSTANCE_NUMBER, SLICE_LOCATION, FRAMES, ROWS,
                    COLUMNS, PIXEL_SPACING);
            softly.assertThat(row.transferSyntax()).as(row.file() + " transfer syntax").isEqualTo(dump.get(TRANSFER_SYNTAX));
            softly.assertThat(row.rows()).as(row.file() + " rows").isEqualTo(Integer.parseInt(dump.get(ROWS)));
            softly.assertThat(row.columns()).as(row.file() + " columns").isEqualTo(Integer.parseInt(dump.get(COLUMNS)));
            softly.assertThat(row.frames()).as(row.file() + " frames")
                    .isEqualTo(dump.containsKey(FRAMES) ? Integer.parseInt(dump.get(FRAMES).strip()) : 1);
            softly.assertThat(row.instanceNumber()).as(row.file() + " instance number")
                    .isEqualTo(dump.containsKey(INSTANCE_NUMBER) ? Integer.valueOf(dump.get(INSTANCE_NUMBER).strip()) : null);
            if (dump.containsKey(SLICE_LOCATION)) {
                softly.assertThat(row.sliceLocation()).as(row.file() + " slice location")
                        .isCloseTo(Double.parseDouble(dump.get(SLICE_LOCATION)), within(1e-9));
            } else {
                softly.assertThat(row.sliceLocation()).as(row.file() + " slice location").isNull();
            }
            if (dump.containsKey(PIXEL_SPACING)) {
                softly.assertThat(numbers(row.pixelSpacing())).as(row.file() + " pixel spacing")
                        .containsExactly(numbers(dump.get(PIXEL_SPACING)), within(1e-9));
            } else {
                softly.assertThat(row.pixelSpacing()).as(row.file() + " pixel spacing").isNull();
            }
        }
        softly.assertAll();
    }

    private static double[] numbers(String decimals) {
        return decimals == null ? null : Arrays.stream(decimals.split("\\\\")).mapToDouble(Double::parseDouble).toArray();
    }
}
