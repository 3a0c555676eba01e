package org.lightbox.viewer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.dicom.DicomHeaderReader;
import org.lightbox.dicom.DicomReadException;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;

/**
 * Puts DICOM files into a workstation's managed store the way the importer does (files under
 * {@code <StudyUID>/<SeriesUID>/<SOPUID>.dcm}, rows in dicom_study/series/instance with paths
 * relative to the store root), so that viewer tests do not wait for the importer.
 *
 * <p>{@code main(dataDir)} does it for the demo studies of {@code sample-dicom/} in a data folder
 * whose first start seeded the demo requests: for screenshots of the viewer.
 */
public final class StoredStudies {
    private static final DicomHeaderReader HEADERS = new DicomHeaderReader();

    private StoredStudies() {
    }

    /** Stores the files as one or more studies, attached to {@code request} (and its patient) when given. */
    public static List<String> store(Workstation workstation, ImagingRequest request, List<Path> files) {
        List<String> studyIds = new ArrayList<>();
        for (Path file : files) {
            DicomHeader header;
            try {
                header = HEADERS.read(file);
            } catch (DicomReadException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            String studyUid = header.study().instanceUid();
            String seriesUid = header.series().instanceUid();
            String sopUid = header.instance().sopInstanceUid();
            Path relative = Path.of(studyUid, seriesUid, sopUid + ".dcm");
            Path target = workstation.folder().dicomStore().resolve(relative);
            try {
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String studyId = workstation.database().write(tx -> {
                long now = workstation.clock().millis();
                String id = Sql.one(tx, "SELECT id FROM dicom_study WHERE study_instance_uid = ?", r -> r.getString(1), studyUid)
                        .orElse(null);
                if (id == null) {
                    id = Ids.newId();
                    Long performed = header.study().dateTime() == null ? null
                            : header.study().dateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
                    Sql.update(tx, """
                            INSERT INTO dicom_study (id, study_instance_uid, request_id, patient_id, accession, modality,
                              body_part, description, performed_at, header_patient_id, header_patient_name, match_status,
                              storage_path, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            id, studyUid, request == null ? null : request.id(),
                            request == null ? null : request.patient().id(), header.study().accessionNumber(),
                            header.series().modality(), header.series().bodyPartExamined(), header.study().description(),
                            performed, header.patient().id(), header.patient().name().displayName(),
                            request == null ? "unmatched" : "matched", studyUid, now, now);
                }
                String seriesId = Sql.one(tx, "SELECT id FROM dicom_series WHERE series_instance_uid = ?",
                        r -> r.getString(1), seriesUid).orElse(null);
                if (seriesId == null) {
                    seriesId = Ids.newId();
                    Sql.update(tx, """
                            INSERT INTO dicom_series (id, series_instance_uid, study_id, modality, series_number,
                              description, body_part) VALUES (?, ?, ?, ?, ?, ?, ?)""", seriesId, seriesUid, id,
                            header.series().modality(), header.series().number(), header.series().description(),
                            header.series().bodyPartExamined());
                }
                DicomHeader.ImageGeometry g = header.geometry();
                String spacing = g.pixelSpacing() == null ? null
                        : String.format(Locale.ROOT, "%s\\%s", g.pixelSpacing().row(), g.pixelSpacing().column());
                Sql.update(tx, """
                        INSERT OR REPLACE INTO dicom_instance (sop_instance_uid, series_id, sop_class_uid, instance_number,
                          transfer_syntax, rows, columns, frames, pixel_spacing, slice_location, file_path, file_size)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", sopUid, seriesId, header.instance().sopClassUid(),
                        header.instance().number(), header.instance().transferSyntaxUid(), g.rows(), g.columns(),
                        g.numberOfFrames(), spacing, g.sliceLocation(), relative.toString().replace('\\', '/'),
                        size(target));
                Sql.update(tx, """
                        UPDATE dicom_series SET instance_count = (SELECT count(*) FROM dicom_instance WHERE series_id = ?)
                        WHERE id = ?""", seriesId, seriesId);
                Sql.update(tx, """
                        UPDATE dicom_study SET series_count = (SELECT count(*) FROM dicom_series WHERE study_id = ?),
                          instance_count = (SELECT count(*) FROM dicom_instance i JOIN dicom_series s ON s.id = i.series_id
                                            WHERE s.study_id = ?) WHERE id = ?""", id, id, id);
                return id;
            });
            if (!studyIds.contains(studyId)) {
                studyIds.add(studyId);
            }
        }
        return studyIds;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .dcm file under a folder, in name order. */
    public static List<Path> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo CT head (a STAT request scanned 20 minutes ago) and its prior a year earlier, both stored. */
    public record HeadAndPrior(ImagingRequest head, ImagingRequest prior) {
    }

    /** Stores the demo CT head and its prior against two requests of patient LB-100001 made by {@code admin}. */
    public static HeadAndPrior headAndPrior(Scenario scenario, Actor admin) {
        ImagingRequest head = scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(20));
        ImagingRequest prior = scenario.performed(admin, "LB-100001", "Moreau", "routine", Duration.ofDays(365));
        store(scenario.workstation, head, filesUnder(sampleDicom().resolve("DEMO0001-ct-head")));
        store(scenario.workstation, prior, filesUnder(sampleDicom().resolve("DEMO0000-ct-head-prior")));
        return new HeadAndPrior(head, prior);
    }

    /** The committed demo studies' folder, from the project root. */
    public static Path sampleDicom() {
        return Path.of("sample-dicom").toAbsolutePath();
    }

    /** Stores the demo study with this accession (e.g. DEMO0001) against its request. */
    public static void storeDemo(Workstation workstation, String accession) {
        ImagingRequest request = workstation.requests().byAccession(accession).orElseThrow(
                () -> new IllegalStateException("no request " + accession + " (were the demo requests seeded?)"));
        try (Stream<Path> studies = Files.list(sampleDicom())) {
            Path folder = studies.filter(p -> p.getFileName().toString().startsWith(accession)).findFirst().orElseThrow();
            store(workstation, request, filesUnder(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        try (Workstation workstation = Workstation.open(new DataFolder(Path.of(args[0])))) {
            for (String accession : List.of("DEMO0000", "DEMO0001", "DEMO0002", "DEMO0003", "DEMO0004", "DEMO0005")) {
                storeDemo(workstation, accession);
                System.out.println("stored " + accession);
            }
        }
    }
}
