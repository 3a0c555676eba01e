package org.lightbox.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.dicom.PersonName;
import org.lightbox.domain.Ids;
import org.lightbox.store.Sql;

/** SQL for the study / series / instance index (tables of V001 and V002), inside the caller's transaction. */
final class StudyIndex {
    /** What the unmatched queue says of a study until the run that brings it has indexed all its files. */
    static final String ARRIVING = "Not all of this study's files are indexed yet: they are still arriving, or the"
            + " import stopped before the end (cancelled or interrupted). Import the same files again to complete it";

    /** Which of these SOP Instance UIDs are indexed already: one query per batch, not one per file. */
    Set<String> indexedAmong(Connection c, Collection<String> sopInstanceUids) throws SQLException {
        if (sopInstanceUids.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(",", Collections.nCopies(sopInstanceUids.size(), "?"));
        return new HashSet<>(Sql.list(c, "SELECT sop_instance_uid FROM dicom_instance WHERE sop_instance_uid IN (" + marks
                + ")", r -> r.getString(1), sopInstanceUids.toArray()));
    }

    Optional<IndexedStudy> studyByUid(Connection c, String studyInstanceUid) throws SQLException {
        return Sql.one(c, "SELECT * FROM dicom_study WHERE study_instance_uid = ?", StudyIndex::study, studyInstanceUid);
    }

    Optional<IndexedStudy> studyById(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM dicom_study WHERE id = ?", StudyIndex::study, id);
    }

    List<IndexedStudy> unmatched(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM dicom_study WHERE match_status = 'unmatched' ORDER BY received_at DESC",
                StudyIndex::study);
    }

    /** A new study from the first header seen of it: unmatched and not registered until its run ends. */
    IndexedStudy insertStudy(Connection c, DicomHeader h, Instant performedAt, Instant now) throws SQLException {
        String id = Ids.newId();
        DicomHeader.Patient p = h.patient();
        Sql.update(c, "INSERT INTO dicom_study(id, study_instance_uid, accession, modality, body_part, description,"
                        + " performed_at, header_patient_id, header_patient_name, header_birth_date, header_sex,"
                        + " match_status, unmatched_reason, storage_path, received_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unmatched', ?, ?, ?, ?)",
                id, h.study().instanceUid(), h.study().accessionNumber(), h.series().modality(),
                h.series().bodyPartExamined(), h.study().description(), performedAt, p.id(), p.name().raw(),
                p.birthDate() == null ? null : p.birthDate().toString(), p.sex(), ARRIVING, h.study().instanceUid(),
                now, now);
        return studyById(c, id).orElseThrow();
    }

    /** Of these studies, those still waiting for the end of the run that brought them. */
    List<IndexedStudy> unregisteredAmong(Connection c, Collection<String> studyIds) throws SQLException {
        List<IndexedStudy> waiting = new java.util.ArrayList<>();
        for (String id : studyIds) {
            studyById(c, id).filter(s -> !s.isRegistered()).ifPresent(waiting::add);
        }
        return waiting;
    }

    void markRegistered(Connection c, String studyId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE dicom_study SET registered_at = ? WHERE id = ? AND registered_at IS NULL", now, studyId);
    }

    /** A series in the index, with the study it belongs to and that study's patient as its images named them. */
    record IndexedSeries(String id, String studyInstanceUid, HeaderIdentity patient) {
    }

    Optional<IndexedSeries> seriesByUid(Connection c, String seriesInstanceUid) throws SQLException {
        return Sql.one(c, "SELECT s.id AS series_id, st.* FROM dicom_series s JOIN dicom_study st ON st.id = s.study_id"
                + " WHERE s.series_instance_uid = ?", r -> new IndexedSeries(r.getString("series_id"),
                r.getString("study_instance_uid"), identity(r)), seriesInstanceUid);
    }

    /** A new series of the study, from the first header seen of it; returns its id. */
    String insertSeries(Connection c, String studyId, DicomHeader h) throws SQLException {
        String id = Ids.newId();
        Sql.update(c, "INSERT INTO dicom_series(id, series_instance_uid, study_id, modality, series_number, description,"
                        + " body_part) VALUES (?, ?, ?, ?, ?, ?, ?)", id, h.series().instanceUid(), studyId,
                h.series().modality(), h.series().number(), h.series().description(), h.series().bodyPartExamined());
        return id;
    }

    /** Inserts instances with one prepared statement, executed as a JDBC batch. */
    final class InstanceInserts implements AutoCloseable {
        private final PreparedStatement insert;

        InstanceInserts(Connection c) throws SQLException {
            insert = c.prepareStatement("INSERT INTO dicom_instance(sop_instance_uid, series_id, sop_class_uid,"
                    + " instance_number, transfer_syntax, rows, columns, frames, pixel_spacing, slice_location, file_path,"
                    + " file_size, image_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(String seriesId, DicomHeader h, Path relativePath, long fileSize) throws SQLException {
            DicomHeader.ImageGeometry g = h.geometry();
            DicomHeader.PixelSpacing spacing = g.pixelSpacing();
            DicomHeader.ImagePosition position = g.imagePosition();
            insert.setString(1, h.instance().sopInstanceUid());
            insert.setString(2, seriesId);
            insert.setString(3, h.instance().sopClassUid());
            insert.setObject(4, h.instance().number());
            insert.setString(5, h.instance().transferSyntaxUid());
            insert.setInt(6, g.rows());
            insert.setInt(7, g.columns());
            insert.setInt(8, g.numberOfFrames());
            insert.setString(9, spacing == null ? null : decimals(spacing.row(), spacing.column()));
            insert.setObject(10, g.sliceLocation());
            insert.setString(11, relativePath.toString().replace('\\', '/'));
            insert.setLong(12, fileSize);
            insert.setString(13, position == null ? null : decimals(position.x(), position.y(), position.z()));
            insert.addBatch();
        }

        void execute() throws SQLException {
            insert.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /** Series and instance counts from the rows themselves, after a batch added to them. */
    void refreshCounts(Connection c, String studyId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE dicom_series SET instance_count = (SELECT count(*) FROM dicom_instance i"
                + " WHERE i.series_id = dicom_series.id) WHERE study_id = ?", studyId);
        Sql.update(c, "UPDATE dicom_study SET series_count = (SELECT count(*) FROM dicom_series WHERE study_id = ?),"
                + " instance_count = (SELECT coalesce(sum(instance_count), 0) FROM dicom_series WHERE study_id = ?),"
                + " updated_at = ? WHERE id = ?", studyId, studyId, now, studyId);
    }

    void markMatched(Connection c, String studyId, String requestId, String patientId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE dicom_study SET request_id = ?, patient_id = ?, match_status = 'matched',"
                + " unmatched_reason = NULL, registered_at = coalesce(registered_at, ?), updated_at = ? WHERE id = ?",
                requestId, patientId, now, now, studyId);
    }

    void markUnmatched(Connection c, String studyId, String reason, Instant now) throws SQLException {
        Sql.update(c, "UPDATE dicom_study SET unmatched_reason = ?, updated_at = ? WHERE id = ?", reason, now, studyId);
    }

    /** DS values as the header would write them: "0.5\0.5". */
    private static String decimals(double... values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() == 0 ? "" : "\\").append(v == Math.rint(v) ? Long.toString((long) v)
                    : Double.toString(v)); // what "%s" gave, without a Formatter per value
        }
        return text.toString();
    }

    private static IndexedStudy study(ResultSet r) throws SQLException {
        return new IndexedStudy(r.getString("id"), r.getString("study_instance_uid"), r.getString("accession"),
                r.getString("modality"), r.getString("body_part"), r.getString("description"),
                Sql.instant(r, "performed_at"), identity(r), r.getString("request_id"), r.getString("unmatched_reason"),
                r.getInt("series_count"), r.getInt("instance_count"), Sql.instant(r, "received_at"),
                Sql.instant(r, "registered_at"));
    }

    private static HeaderIdentity identity(ResultSet r) throws SQLException {
        String birth = r.getString("header_birth_date");
        return new HeaderIdentity(r.getString("header_patient_id"), PersonName.parse(r.getString("header_patient_name")),
                birth == null ? null : isoDate(birth), r.getString("header_sex"));
    }

    /**
     * A date as {@link LocalDate#toString} stored it. Every study looked up reads one, and
     * {@link LocalDate#parse}'s formatter costs more than the query; other forms still go through it.
     */
    private static LocalDate isoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (java.time.DateTimeException impossible) {
                    // 2024-02-30 and the like: parse below refuses it with its own message
                }
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written by ASCII digits from {@code from} to {@code to}; -1 if any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
