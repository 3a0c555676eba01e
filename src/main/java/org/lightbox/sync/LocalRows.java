package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lightbox.store.Sql;

/** Small comparisons and look-ups the pulled-object appliers share. */
final class LocalRows {
    private LocalRows() {
    }

    static List<String> differing(List<String> fields, Map<String, Object> local, Map<String, Object> server) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (!Objects.equals(local.get(f), server.get(f))) {
                out.add(f);
            }
        }
        return out;
    }

    static void copy(JsonNode from, ObjectNode to, List<String> fields) {
        for (String f : fields) {
            JsonNode v = from.get(f);
            if (v == null || v.isNull()) {
                to.putNull(f);
            } else {
                to.set(f, v.deepCopy());
            }
        }
    }

    static boolean exists(Connection tx, String table, String id) throws SQLException {
        return Sql.count(tx, "SELECT count(*) FROM " + table + " WHERE id = ?", id) > 0;
    }

    /** {@code id} if this workstation has that row, else null (a reference it cannot follow yet). */
    static String known(Connection tx, String table, String id) throws SQLException {
        return id != null && exists(tx, table, id) ? id : null;
    }
}
