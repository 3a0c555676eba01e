package org.lightbox.viewer;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Permission;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/** Saves and lists measurements per study in the local store; adding and deleting one is audited. */
public final class Measurements {
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public Measurements(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    public Measurement add(Actor actor, String studyUid, String seriesUid, FrameKey frame, MeasurementKind kind,
                           double x1, double y1, double x2, double y2, String result) {
        actor.require(Permission.READ_IMAGES);
        Measurement m = new Measurement(Ids.newId(), studyUid, seriesUid, frame.sopInstanceUid(), frame.frame(), kind,
                x1, y1, x2, y2, result, clock.instant());
        database.update(tx -> {
            Sql.update(tx, """
                    INSERT INTO image_measurement (id, study_instance_uid, series_instance_uid, sop_instance_uid,
                        frame_number, kind, points, result, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    m.id(), studyUid, seriesUid, m.sopInstanceUid(), m.frame() + 1, kind.code(),
                    String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", x1, y1, x2, y2), result, actor.userId(),
                    m.createdAt());
            audit.append(tx, actor, ViewerAction.MEASUREMENT_ADDED, "DicomStudy", studyUid,
                    Map.of("measurement", m.id(), "kind", kind.code(), "result", result));
        });
        return m;
    }

    public void delete(Actor actor, Measurement m) {
        actor.require(Permission.READ_IMAGES);
        database.update(tx -> {
            Sql.update(tx, "DELETE FROM image_measurement WHERE id = ?", m.id());
            audit.append(tx, actor, ViewerAction.MEASUREMENT_DELETED, "DicomStudy", m.studyInstanceUid(),
                    Map.of("measurement", m.id()));
        });
    }

    public List<Measurement> forStudy(String studyUid) {
        return database.read(c -> Sql.list(c, "SELECT * FROM image_measurement WHERE study_instance_uid = ? ORDER BY created_at, id",
                r -> {
                    String[] p = r.getString("points").split(",");
                    return new Measurement(r.getString("id"), r.getString("study_instance_uid"),
                            r.getString("series_instance_uid"), r.getString("sop_instance_uid"), r.getInt("frame_number") - 1,
                            MeasurementKind.of(r.getString("kind")), Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                            Double.parseDouble(p[2]), Double.parseDouble(p[3]), r.getString("result"),
                            Sql.instant(r, "created_at"));
                }, studyUid));
    }

    /** Records that the reader exported a view of a study (images leave the workstation). */
    public void exported(Actor actor, String studyUid, String file) {
        database.update(tx -> audit.append(tx, actor, ViewerAction.IMAGE_EXPORTED, "DicomStudy", studyUid,
                Map.of("file", file)));
    }
}
