package org.lightbox.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Text;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;

/** The imaging centers and the modalities (scanners, rooms) requests are scheduled on. */
public final class Facilities {
    private final Database database;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    public Facilities(Database database, AuditLog audit, Outbox outbox, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<ImagingCenter> centers() {
        return database.read(c -> Sql.list(c, "SELECT id, name FROM imaging_center ORDER BY name",
                r -> new ImagingCenter(r.getString(1), r.getString(2))));
    }

    public Optional<ImagingCenter> center(String id) {
        return database.read(c -> Sql.one(c, "SELECT id, name FROM imaging_center WHERE id = ?",
                r -> new ImagingCenter(r.getString(1), r.getString(2)), id));
    }

    public List<Modality> modalities() {
        return database.read(c -> Sql.list(c, "SELECT * FROM modality WHERE active = 1 ORDER BY name", Facilities::modality));
    }

    public Optional<Modality> modality(String id) {
        return database.read(c -> Sql.one(c, "SELECT * FROM modality WHERE id = ?", Facilities::modality, id));
    }

    public ImagingCenter addCenter(Actor actor, String name) {
        actor.require(Permission.MANAGE_SETTINGS);
        String checked = Text.required(name, "Imaging center name", 64);
        return database.write(tx -> {
            if (Sql.count(tx, "SELECT count(*) FROM imaging_center WHERE name = ?", checked) > 0) {
                throw ValidationException.of("name", "An imaging center named " + checked + " exists");
            }
            ImagingCenter center = new ImagingCenter(Ids.newId(), checked);
            Sql.update(tx, "INSERT INTO imaging_center(id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    center.id(), center.name(), clock.instant(), clock.instant());
            audit.append(tx, actor, RequestAction.CENTER_ADDED, "ImagingCenter", center.id(), Map.of("name", checked));
            outbox.enqueue(tx, "ImagingCenter", center.id(), Outbox.Operation.CREATE, outbox.newPayload().put("name", checked));
            return center;
        });
    }

    public Modality addModality(Actor actor, String name, ModalityType type, String aeTitle, String centerId) {
        actor.require(Permission.MANAGE_SETTINGS);
        String checked = Text.required(name, "Modality name", 64);
        String ae = Text.optional(aeTitle, "AE title", 16);
        return database.write(tx -> {
            if (Sql.count(tx, "SELECT count(*) FROM modality WHERE name = ?", checked) > 0) {
                throw ValidationException.of("name", "A modality named " + checked + " exists");
            }
            Modality modality = new Modality(Ids.newId(), checked, type, ae.isEmpty() ? null : ae, centerId);
            Sql.update(tx, "INSERT INTO modality(id, name, type, ae_title, imaging_center_id) VALUES (?, ?, ?, ?, ?)",
                    modality.id(), modality.name(), type, modality.aeTitle(), centerId);
            audit.append(tx, actor, RequestAction.MODALITY_ADDED, "Modality", modality.id(),
                    Map.of("name", checked, "type", type.code()));
            outbox.enqueue(tx, "Modality", modality.id(), Outbox.Operation.CREATE, outbox.newPayload()
                    .put("name", checked).put("type", type.code()).put("aeTitle", modality.aeTitle())
                    .put("imagingCenterId", centerId));
            return modality;
        });
    }

    private static Modality modality(ResultSet r) throws SQLException {
        return new Modality(r.getString("id"), r.getString("name"), ModalityType.of(r.getString("type")),
                r.getString("ae_title"), r.getString("imaging_center_id"));
    }
}
