package org.lightbox.report.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Role;
import org.lightbox.report.Reporting;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Sql;
import org.lightbox.testing.Scenario;

/**
 * A reading room for report tests: an attending who may sign alone, a resident who may not, an
 * administrator, a referring physician, and CT studies scanned at their hospital and waiting to be read.
 */
public final class ReadingRoom implements AutoCloseable {
    public final Scenario scenario;
    public final Actor attending;
    public final Actor resident;
    public final Actor colleague;
    public final Actor admin;
    public final Actor referrer;
    public final ImagingCenter hospital;
    private int patients;
    private int studies;

    public ReadingRoom(Path dir) {
        scenario = new Scenario(dir);
        attending = scenario.user("grace", Role.RADIOLOGIST);
        resident = scenario.user("rita", Role.RADIOLOGIST);
        colleague = scenario.user("colin", Role.RADIOLOGIST);
        admin = scenario.admin();
        referrer = scenario.user("marsh", Role.REFERRING_PHYSICIAN);
        hospital = scenario.workstation.facilities().addCenter(Actor.SYSTEM, "Saint Olav Hospital");
        scenario.workstation.database().update(tx -> Sql.update(tx,
                "UPDATE radiologist_profile SET may_sign_alone = 0 WHERE user_id = ?", resident.userId()));
    }

    public Reporting reporting() {
        return scenario.workstation.reporting();
    }

    /** A CT head scanned 20 minutes ago with its images registered: what a radiologist opens from the worklist. */
    public ImagingRequest scannedStudy() {
        return registerImages(performedWithoutImages());
    }

    /** A request marked performed whose images nobody has registered yet. */
    public ImagingRequest performedWithoutImages() {
        patients++;
        return scenario.performed(Actor.SYSTEM, "MRN" + (1000 + patients), "Moreau", "routine", Duration.ofMinutes(20), "CT",
                "CT head without contrast", hospital.id());
    }

    /** The request's CT study, registered now. */
    public ImagingRequest registerImages(ImagingRequest request) {
        Instant now = scenario.clock.instant();
        int study = ++studies;
        scenario.workstation.database().update(tx -> Sql.update(tx, "INSERT INTO dicom_study(id, study_instance_uid, request_id,"
                        + " patient_id, accession, modality, description, performed_at, match_status, series_count, instance_count,"
                        + " storage_path, received_at, updated_at) VALUES (?, ?, ?, ?, ?, 'CT', 'CT head', ?, 'matched', 1, 24, ?, ?, ?)",
                Ids.newId(), "1.2.826.0.1.3680043.10.1." + study, request.id(), request.patient().id(), request.accession().value(),
                now, "study-" + study, now, now));
        return request;
    }

    public long count(String sql, Object... params) {
        return scenario.workstation.database().read(c -> Sql.count(c, sql, params));
    }

    public char[] password() {
        return Scenario.PASSWORD.toCharArray();
    }

    @Override
    public void close() {
        scenario.close();
    }
}
