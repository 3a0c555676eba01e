package org.lightbox.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.AeTitle;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Text;
import org.lightbox.domain.ValidationException;
import org.lightbox.store.Database;
import org.lightbox.store.Outbox;
import org.lightbox.store.Sql;

/**
 * The imaging centers and the modalities (scanners, rooms) requests are scheduled on. They are
 * deactivated, never deleted: requests keep naming them. Every change is audited and queued for the
 * central store in its own transaction.
 */
public final class Facilities {
    /** Field names of the center and modality forms, as refusals name them. */
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String AE_TITLE = "aeTitle";
    public static final String CENTER = "imagingCenter";

    private static final String SELECT_CENTER = "SELECT id, name, active FROM imaging_center ";

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

    /** The active centers, offered for new requests. */
    public List<ImagingCenter> centers() {
        return database.read(c -> Sql.list(c, SELECT_CENTER + "WHERE active = 1 ORDER BY name", Facilities::center));
    }

    /** Every center, inactive ones included (the Settings dialog). */
    public List<ImagingCenter> allCenters() {
        return database.read(c -> Sql.list(c, SELECT_CENTER + "ORDER BY name", Facilities::center));
    }

    public Optional<ImagingCenter> center(String id) {
        return database.read(c -> Sql.one(c, SELECT_CENTER + "WHERE id = ?", Facilities::center, id));
    }

    /** The active modalities, offered for scheduling. */
    public List<Modality> modalities() {
        return database.read(c -> Sql.list(c, "SELECT * FROM modality WHERE active = 1 ORDER BY name", Facilities::modality));
    }

    /** Every modality, inactive ones included (the Settings dialog). */
    public List<Modality> allModalities() {
        return database.read(c -> Sql.list(c, "SELECT * FROM modality ORDER BY name", Facilities::modality));
    }

    public Optional<Modality> modality(String id) {
        return database.read(c -> Sql.one(c, "SELECT * FROM modality WHERE id = ?", Facilities::modality, id));
    }

    public ImagingCenter addCenter(Actor actor, String name) {
        actor.require(Permission.MANAGE_SETTINGS);
        String checked = centerName(name);
        return database.write(tx -> {
            requireUniqueName(tx, "imaging_center", checked, null, "An imaging center");
            ImagingCenter center = new ImagingCenter(Ids.newId(), checked);
            Sql.update(tx, "INSERT INTO imaging_center(id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                    center.id(), center.name(), clock.instant(), clock.instant());
            audit.append(tx, actor, RequestAction.CENTER_ADDED, "ImagingCenter", center.id(), Map.of("name", checked));
            outbox.enqueue(tx, "ImagingCenter", center.id(), Outbox.Operation.CREATE, outbox.newPayload().put("name", checked));
            return center;
        });
    }

    public ImagingCenter renameCenter(Actor actor, String id, String name) {
        actor.require(Permission.MANAGE_SETTINGS);
        String checked = centerName(name);
        return database.write(tx -> {
            ImagingCenter before = existingCenter(tx, id);
            if (before.name().equals(checked)) {
                return before;
            }
            requireUniqueName(tx, "imaging_center", checked, id, "An imaging center");
            ImagingCenter after = new ImagingCenter(id, checked, before.active());
            Sql.update(tx, "UPDATE imaging_center SET name = ?, updated_at = ? WHERE id = ?", checked, clock.instant(), id);
            audit.append(tx, actor, RequestAction.CENTER_CHANGED, "ImagingCenter", id, Map.of("from", before.name(), "to", checked));
            outbox.enqueue(tx, "ImagingCenter", id, Outbox.Operation.UPDATE, centerPayload(after));
            return after;
        });
    }

    public ImagingCenter deactivateCenter(Actor actor, String id) {
        return setCenterActive(actor, id, false);
    }

    public ImagingCenter reactivateCenter(Actor actor, String id) {
        return setCenterActive(actor, id, true);
    }

    private ImagingCenter setCenterActive(Actor actor, String id, boolean active) {
        actor.require(Permission.MANAGE_SETTINGS);
        return database.write(tx -> {
            ImagingCenter before = existingCenter(tx, id);
            if (before.active() == active) {
                return before;
            }
            ImagingCenter after = new ImagingCenter(id, before.name(), active);
            Sql.update(tx, "UPDATE imaging_center SET active = ?, updated_at = ? WHERE id = ?", active ? 1 : 0, clock.instant(), id);
            audit.append(tx, actor, active ? RequestAction.CENTER_REACTIVATED : RequestAction.CENTER_DEACTIVATED, "ImagingCenter",
                    id, Map.of("name", before.name()));
            outbox.enqueue(tx, "ImagingCenter", id, Outbox.Operation.UPDATE, centerPayload(after));
            return after;
        });
    }

    public Modality addModality(Actor actor, String name, ModalityType type, String aeTitle, String centerId) {
        actor.require(Permission.MANAGE_SETTINGS);
        Modality typed = checkedModality(Ids.newId(), name, type, aeTitle, centerId, true);
        return database.write(tx -> {
            requireUniqueName(tx, "modality", typed.name(), null, "A modality");
            requireKnownCenter(tx, centerId);
            Sql.update(tx, "INSERT INTO modality(id, name, type, ae_title, imaging_center_id) VALUES (?, ?, ?, ?, ?)",
                    typed.id(), typed.name(), type, typed.aeTitle(), centerId);
            audit.append(tx, actor, RequestAction.MODALITY_ADDED, "Modality", typed.id(),
                    Map.of("name", typed.name(), "type", type.code()));
            outbox.enqueue(tx, "Modality", typed.id(), Outbox.Operation.CREATE, outbox.newPayload()
                    .put("name", typed.name()).put("type", type.code()).put("aeTitle", typed.aeTitle())
                    .put("imagingCenterId", centerId));
            return typed;
        });
    }

    /** Changes a modality's name, type, AE title and center at once, as the form edits them. */
    public Modality editModality(Actor actor, String id, String name, ModalityType type, String aeTitle, String centerId) {
        actor.require(Permission.MANAGE_SETTINGS);
        return database.write(tx -> {
            Modality before = existingModality(tx, id);
            Modality after = checkedModality(id, name, type, aeTitle, centerId, before.active());
            if (before.equals(after)) {
                return before;
            }
            requireUniqueName(tx, "modality", after.name(), id, "A modality");
            requireKnownCenter(tx, centerId);
            Sql.update(tx, "UPDATE modality SET name = ?, type = ?, ae_title = ?, imaging_center_id = ? WHERE id = ?",
                    after.name(), after.type(), after.aeTitle(), after.imagingCenterId(), id);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", after.name());
            details.put("type", after.type().code());
            details.put("aeTitle", after.aeTitle() == null ? "" : after.aeTitle());
            details.put("imagingCenterId", after.imagingCenterId() == null ? "" : after.imagingCenterId());
            audit.append(tx, actor, RequestAction.MODALITY_CHANGED, "Modality", id, details);
            outbox.enqueue(tx, "Modality", id, Outbox.Operation.UPDATE, modalityPayload(after));
            return after;
        });
    }

    public Modality deactivateModality(Actor actor, String id) {
        return setModalityActive(actor, id, false);
    }

    public Modality reactivateModality(Actor actor, String id) {
        return setModalityActive(actor, id, true);
    }

    private Modality setModalityActive(Actor actor, String id, boolean active) {
        actor.require(Permission.MANAGE_SETTINGS);
        return database.write(tx -> {
            Modality before = existingModality(tx, id);
            if (before.active() == active) {
                return before;
            }
            Modality after = new Modality(id, before.name(), before.type(), before.aeTitle(), before.imagingCenterId(), active);
            Sql.update(tx, "UPDATE modality SET active = ? WHERE id = ?", active ? 1 : 0, id);
            audit.append(tx, actor, active ? RequestAction.MODALITY_REACTIVATED : RequestAction.MODALITY_DEACTIVATED, "Modality",
                    id, Map.of("name", before.name()));
            outbox.enqueue(tx, "Modality", id, Outbox.Operation.UPDATE, modalityPayload(after));
            return after;
        });
    }

    private static String centerName(String name) {
        FormValidation form = new FormValidation();
        String checked = form.field(NAME, () -> Text.required(name, "Imaging center name", 64));
        form.throwIfInvalid();
        return checked;
    }

    private static Modality checkedModality(String id, String name, ModalityType type, String aeTitle, String centerId,
            boolean active) {
        FormValidation form = new FormValidation();
        String checked = form.field(NAME, () -> Text.required(name, "Modality name", 64));
        if (type == null) {
            form.reject(TYPE, "Choose the modality type");
        }
        // Optional: a room without a DICOM node of its own has none. Given, it must be one a peer accepts.
        String ae = aeTitle == null || aeTitle.isEmpty() ? null : form.field(AE_TITLE, () -> AeTitle.checked(aeTitle, "AE title"));
        form.throwIfInvalid();
        return new Modality(id, checked, type, ae, centerId == null || centerId.isBlank() ? null : centerId, active);
    }

    private static void requireUniqueName(Connection tx, String table, String name, String exceptId, String what)
            throws SQLException {
        if (Sql.count(tx, "SELECT count(*) FROM " + table + " WHERE name = ? AND id <> ?", name, exceptId == null ? "" : exceptId) > 0) {
            throw ValidationException.of(NAME, what + " named " + name + " exists");
        }
    }

    private static void requireKnownCenter(Connection tx, String centerId) throws SQLException {
        if (centerId != null && !centerId.isBlank() && Sql.count(tx, "SELECT count(*) FROM imaging_center WHERE id = ?", centerId) == 0) {
            throw ValidationException.of(CENTER, "No such imaging center");
        }
    }

    private static ImagingCenter existingCenter(Connection tx, String id) throws SQLException {
        return Sql.one(tx, SELECT_CENTER + "WHERE id = ?", Facilities::center, id)
                .orElseThrow(() -> new DomainException("No such imaging center: " + id));
    }

    private static Modality existingModality(Connection tx, String id) throws SQLException {
        return Sql.one(tx, "SELECT * FROM modality WHERE id = ?", Facilities::modality, id)
                .orElseThrow(() -> new DomainException("No such modality: " + id));
    }

    private ObjectNode centerPayload(ImagingCenter center) {
        return outbox.newPayload().put("name", center.name()).put("active", center.active());
    }

    private ObjectNode modalityPayload(Modality m) {
        return outbox.newPayload().put("name", m.name()).put("type", m.type().code()).put("aeTitle", m.aeTitle())
                .put("imagingCenterId", m.imagingCenterId()).put("active", m.active());
    }

    private static ImagingCenter center(ResultSet r) throws SQLException {
        return new ImagingCenter(r.getString("id"), r.getString("name"), r.getInt("active") == 1);
    }

    private static Modality modality(ResultSet r) throws SQLException {
        return new Modality(r.getString("id"), r.getString("name"), ModalityType.of(r.getString("type")),
                r.getString("ae_title"), r.getString("imaging_center_id"), r.getInt("active") == 1);
    }
}
