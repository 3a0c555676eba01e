package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what changed on the central store since the last pull, class by class in dependency order
 * (centers and modalities, then people and their radiologist profiles, requests, worklist items,
 * reports), a page at a time. Each
 * page and the cursor that follows it are saved in one transaction, so an interrupted pull resumes
 * where it stopped. An object that cannot be applied is parked ({@link ParkedChanges}), never skipped. The cursor is (updatedAt, objectId): objects saved in the same millisecond are
 * neither skipped nor fetched twice.
 */
public final class ChangePuller {
    private static final Logger LOG = LoggerFactory.getLogger(ChangePuller.class);
    static final List<String> CLASSES = List.of("ImagingCenter", "Modality", "_User", "RadiologistProfile", "ImagingRequest",
            "WorklistItem", "Report");
    private static final int PAGE = 1000;

    private final Database database;
    private final RemoteChanges changes;
    private final ParkedChanges parked;
    private final AccountCache accounts;
    private final ObjectMapper json;

    ChangePuller(Database database, RemoteChanges changes, ParkedChanges parked, AccountCache accounts, ObjectMapper json) {
        this.database = database;
        this.changes = changes;
        this.parked = parked;
        this.accounts = accounts;
        this.json = json;
    }

    /** Pulls every class; returns how many objects of each changed something here. */
    public Map<String, Integer> pull(CentralStoreClient client, CentralSession session) {
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (String className : CLASSES) {
            Set<String> pulledNow = new HashSet<>();
            applied.put(className, pullClass(client, session, className, pulledNow) + retryParked(className, pulledNow));
            if (className.equals("_User")) {
                // A removed account leaves no updated object behind, and role membership lives in relations,
                // which change no user's updatedAt: both are read whole every time.
                Set<String> onServer = userIds(client, session);
                applied.put("removed", database.write(tx -> accounts.deactivateRemoved(tx, onServer, session.userId())));
                var roles = CentralRoles.all(client, session);
                applied.put("roles", database.write(tx -> accounts.syncRoles(tx, roles)));
            }
        }
        return applied;
    }

    private int pullClass(CentralStoreClient client, CentralSession session, String className, Set<String> pulledNow) {
        int applied = 0;
        while (true) {
            Optional<Cursor> cursor = cursor(className);
            JsonNode answer = client.get(path(className), session.token(), Map.of(
                    "where", where(cursor), "order", "updatedAt,objectId", "limit", Integer.toString(PAGE)));
            JsonNode results = answer.path("results");
            if (!results.isArray()) {
                throw new CentralStoreException(CentralStoreException.Kind.MALFORMED_ANSWER, className + " query without results");
            }
            if (results.isEmpty()) {
                return applied;
            }
            results.forEach(o -> pulledNow.add(o.path("objectId").asText()));
            applied += applyPage(className, results);
            if (results.size() < PAGE) {
                return applied;
            }
        }
    }

    private int applyPage(String className, JsonNode results) {
        return database.write(tx -> {
            int changed = 0;
            JsonNode last = null;
            for (JsonNode object : results) {
                if (applyOrPark(tx, className, object)) {
                    changed++;
                }
                last = object;
            }
            Sql.update(tx, "INSERT INTO sync_cursor(class_name, updated_at, object_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT(class_name) DO UPDATE SET updated_at = excluded.updated_at, object_id = excluded.object_id",
                    className, last.path("updatedAt").asText(), last.path("objectId").asText());
            return changed;
        });
    }

    /**
     * The parked versions of a class, tried again once the class's new versions (and the classes before
     * it) are in; those this pull just brought were tried already.
     */
    private int retryParked(String className, Set<String> pulledNow) {
        return database.write(tx -> {
            int changed = 0;
            for (JsonNode object : parked.of(tx, className)) {
                if (!pulledNow.contains(object.path("objectId").asText()) && applyOrPark(tx, className, object)) {
                    changed++;
                }
            }
            return changed;
        });
    }

    /**
     * One object this workstation cannot take must not stop every later one, nor be lost when the cursor
     * moves past it: it is parked with its reason, and applied at a later pull.
     */
    private boolean applyOrPark(Connection tx, String className, JsonNode object) throws SQLException {
        Savepoint before = tx.setSavepoint();
        try {
            boolean changed = changes.apply(tx, className, object);
            parked.applied(tx, className, object.path("objectId").asText());
            tx.releaseSavepoint(before);
            return changed;
        } catch (SQLException | RuntimeException e) {
            tx.rollback(before);
            String reason = e instanceof UnappliedChange ? e.getMessage() : "could not be applied here: " + e.getMessage();
            if (parked.park(tx, className, object, reason)) {
                LOG.warn("Parked {} {} from the central store: {}", className, object.path("objectId").asText(), reason);
            } else {
                LOG.debug("Still parked: {} {}: {}", className, object.path("objectId").asText(), reason);
            }
            return false;
        }
    }

    /** The id of every account on the central store, a page at a time. */
    private Set<String> userIds(CentralStoreClient client, CentralSession session) {
        Set<String> ids = new HashSet<>();
        String after = null;
        while (true) {
            String where = after == null ? "{}"
                    : json.createObjectNode().set("objectId", json.createObjectNode().put("$gt", after)).toString();
            JsonNode page = client.get("/users", session.token(), Map.of("where", where, "keys", "objectId", "order", "objectId",
                    "limit", Integer.toString(PAGE))).path("results");
            page.forEach(u -> ids.add(u.path("objectId").asText()));
            if (page.size() < PAGE) {
                return ids;
            }
            after = page.get(page.size() - 1).path("objectId").asText();
        }
    }

    private String where(Optional<Cursor> cursor) {
        if (cursor.isEmpty()) {
            return "{}";
        }
        ObjectNode where = json.createObjectNode();
        ArrayNode or = where.putArray("$or");
        or.addObject().putObject("updatedAt").set("$gt", date(cursor.get().updatedAt()));
        ObjectNode sameInstant = or.addObject();
        sameInstant.set("updatedAt", date(cursor.get().updatedAt()));
        sameInstant.putObject("objectId").put("$gt", cursor.get().objectId());
        return where.toString();
    }

    private ObjectNode date(String iso) {
        return json.createObjectNode().put("__type", "Date").put("iso", iso);
    }

    private static String path(String className) {
        return className.equals("_User") ? "/users" : "/classes/" + className;
    }

    private Optional<Cursor> cursor(String className) {
        return database.read(c -> Sql.one(c, "SELECT updated_at, object_id FROM sync_cursor WHERE class_name = ?",
                r -> new Cursor(r.getString(1), r.getString(2)), className));
    }

    private record Cursor(String updatedAt, String objectId) {
    }
}
