package org.lightbox.viewer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/**
 * Reads studies, series and instances from the local store (dicom_study, dicom_series,
 * dicom_instance) and resolves their files under the managed DICOM store, where file paths are
 * kept relative to the store root.
 */
public final class StudyImages {
    private final Database database;
    private final Path storeRoot;

    public StudyImages(Database database, Path storeRoot) {
        this.database = database;
        this.storeRoot = storeRoot;
    }

    /** The studies attached to a request, oldest first. */
    public List<ImageStudy> forRequest(String requestId) {
        return database.read(c -> studies(c, "SELECT * FROM dicom_study WHERE request_id = ? ORDER BY performed_at, id",
                false, requestId));
    }

    /** The patient's other studies (by the request's patient), newest first: the priors to compare with. */
    public List<ImageStudy> priorsFor(String requestId) {
        return database.read(c -> studies(c, """
                SELECT s.* FROM dicom_study s JOIN imaging_request r ON r.id = ?
                WHERE s.patient_id = r.patient_id AND (s.request_id IS NULL OR s.request_id <> r.id)
                ORDER BY s.performed_at DESC, s.id""", true, requestId));
    }

    public Optional<ImageStudy> byStudyInstanceUid(String studyInstanceUid) {
        return database.read(c -> studies(c, "SELECT * FROM dicom_study WHERE study_instance_uid = ?", false,
                studyInstanceUid)).stream().findFirst();
    }

    private List<ImageStudy> studies(Connection c, String sql, boolean prior, Object... params) throws SQLException {
        List<ImageStudy> studies = new ArrayList<>();
        for (StudyRow row : Sql.list(c, sql, r -> new StudyRow(r.getString("id"), r.getString("study_instance_uid"),
                r.getString("accession"), r.getString("modality"), r.getString("description"),
                Sql.instant(r, "performed_at"), r.getString("header_patient_name"), r.getString("header_patient_id")),
                params)) {
            studies.add(new ImageStudy(row.id, row.uid, row.accession, row.modality, row.description, row.performedAt,
                    row.patientName, row.patientId, prior, series(c, row.id)));
        }
        return studies;
    }

    private record StudyRow(String id, String uid, String accession, String modality, String description,
                            java.time.Instant performedAt, String patientName, String patientId) {
    }

    private List<ImageSeries> series(Connection c, String studyId) throws SQLException {
        List<ImageSeries> series = new ArrayList<>();
        for (ImageSeries s : Sql.list(c, "SELECT * FROM dicom_series WHERE study_id = ? ORDER BY series_number, id",
                r -> new ImageSeries(r.getString("id"), r.getString("series_instance_uid"),
                        (Integer) r.getObject("series_number"), r.getString("modality"), r.getString("description"),
                        List.of()), studyId)) {
            series.add(new ImageSeries(s.id(), s.seriesInstanceUid(), s.number(), s.modality(), s.description(),
                    images(c, s.id())));
        }
        return series;
    }

    private List<StackImage> images(Connection c, String seriesId) throws SQLException {
        List<StackImage> images = new ArrayList<>();
        Sql.list(c, """
                SELECT * FROM dicom_instance WHERE series_id = ?
                ORDER BY instance_number IS NULL, instance_number, slice_location, sop_instance_uid""", r -> {
            int frames = Math.max(1, r.getInt("frames"));
            Integer number = (Integer) r.getObject("instance_number");
            Double location = r.getObject("slice_location") == null ? null : r.getDouble("slice_location");
            double[] spacing = PixelSpacingText.parse(r.getString("pixel_spacing"));
            Path file = storeRoot.resolve(r.getString("file_path"));
            for (int f = 0; f < frames; f++) {
                images.add(new StackImage(r.getString("sop_instance_uid"), f, frames, number, location, spacing, file,
                        r.getInt("rows"), r.getInt("columns")));
            }
            return null;
        }, seriesId);
        return images;
    }
}
