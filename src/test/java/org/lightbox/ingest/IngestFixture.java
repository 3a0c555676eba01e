package org.lightbox.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.lightbox.app.Workstation;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestForm;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;

/** A department with a technologist and scheduled requests, and CT studies to scan for them. */
final class IngestFixture {
    static final LocalDateTime SCANNED = LocalDateTime.of(2025, 6, 2, 8, 15, 0);

    final Scenario scenario;
    final Workstation workstation;
    final Actor technologist;

    IngestFixture(Path dir) {
        this.scenario = new Scenario(dir.resolve("data"));
        this.workstation = scenario.workstation;
        this.technologist = scenario.user("sam", Role.TECHNOLOGIST);
    }

    /** A scheduled CT request for Alice MOREAU, born 1954-03-12, with the given MRN. */
    ImagingRequest scheduledRequest(String mrn, String family) {
        RequestForm form = scenario.form(mrn, family);
        ImagingRequest request = scenario.request(Actor.SYSTEM, form);
        return workstation.lifecycle().schedule(Actor.SYSTEM, request.id(), scenario.scanner(ModalityType.CT),
                scenario.clock.instant().minusSeconds(3600));
    }

    /** A CT slice of the request's patient, as the modality would write it. */
    static TestDicomFile sliceFor(ImagingRequest request, String studyUid, String seriesUid, int number) {
        String[] given = request.patient().name().given().split(" ");
        return TestDicomFiles.ct().patient(request.patient().mrn().value(),
                        request.patient().name().family().toUpperCase() + "^" + given[0].toUpperCase())
                .birthDate(request.patient().birthDate()).accession(request.accession().value()).study(studyUid)
                .series(seriesUid).instanceNumber(number).studyDateTime(SCANNED);
    }

    /** Writes {@code count} slices of one series into {@code folder}. */
    static List<Path> series(Path folder, ImagingRequest request, String studyUid, int count) {
        String seriesUid = TestDicomFile.newUid();
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> sliceFor(request, studyUid, seriesUid, i).writeTo(folder)).toList();
    }

    ImportSummary importPaths(Path... paths) {
        return workstation.importer().importPaths(technologist, List.of(paths), IngestOrigin.IMPORT, "test",
                ImportProgress.NONE);
    }

    long count(String sql, Object... params) {
        return workstation.database().read(c -> Sql.count(c, sql, params));
    }

    static LocalDate born() {
        return LocalDate.of(1954, 3, 12);
    }
}
