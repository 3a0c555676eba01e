package org.lightbox.sync;

import static org.lightbox.sync.ParseValues.same;
import static org.lightbox.sync.ParseValues.shown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A version pulled from the central store meets a change of the same object still waiting here. Field
 * by field: a field only this workstation changed keeps its local value (the push sends it); a
 * scheduling field the server changed takes the server's value, which also replaces it in the waiting
 * changes; any other field changed only on the server takes the server's value; a field changed on both
 * sides keeps the local value, the author's, and goes up with the push. Whatever the server's
 * scheduling replaced, and whatever both sides changed, is recorded as a conflict: shown and audited.
 */
final class ConcurrentChanges {
    private final ConflictLog conflicts;
    private final PendingChanges pending;
    private final KnownServerState known;
    private final ObjectMapper json;

    ConcurrentChanges(ConflictLog conflicts, PendingChanges pending, KnownServerState known, ObjectMapper json) {
        this.conflicts = conflicts;
        this.pending = pending;
        this.known = known;
        this.json = json;
    }

    /** The version to keep here: the server's, with the fields this workstation's waiting change keeps. */
    ObjectNode resolve(Connection tx, String className, String objectId, JsonNode server, List<String> scheduling)
            throws SQLException {
        List<ObjectNode> own = pending.payloads(tx, className, objectId);
        Optional<ObjectNode> base = known.of(tx, className, objectId);
        ObjectNode local = json.createObjectNode();
        own.forEach(local::setAll);
        ObjectNode kept = server.deepCopy();
        List<String> serverWon = new ArrayList<>();
        List<String> takenFromServer = new ArrayList<>();
        List<String> bothChanged = new ArrayList<>();
        for (String field : iterable(local)) {
            JsonNode mine = local.get(field);
            if (same(mine, server.get(field))) {
                continue;
            }
            if (!KnownServerState.changedElsewhere(field, server, base, own)) {
                kept.set(field, mine);
            } else if (scheduling.contains(field)) {
                serverWon.add(field);
                takenFromServer.add(field);
            } else if (base.isPresent() && same(mine, base.get().get(field))) {
                takenFromServer.add(field);
            } else {
                kept.set(field, mine);
                bothChanged.add(field);
            }
        }
        if (!takenFromServer.isEmpty()) {
            pending.rewritePending(tx, className, objectId, p -> LocalRows.copy(server, p, takenFromServer));
        }
        if (!serverWon.isEmpty()) {
            conflicts.record(tx, className, objectId, serverWon, values(local, serverWon), values(server, serverWon),
                    ConflictLog.Resolution.SERVER_WINS_SCHEDULING);
        }
        if (!bothChanged.isEmpty()) {
            conflicts.record(tx, className, objectId, bothChanged, values(local, bothChanged), values(server, bothChanged),
                    ConflictLog.Resolution.LOCAL_CHANGE_KEPT);
        }
        return kept;
    }

    private static Map<String, String> values(JsonNode object, List<String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f, shown(object.get(f))));
        return out;
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
