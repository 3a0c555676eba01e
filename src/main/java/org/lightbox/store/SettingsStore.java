package org.lightbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where each feature keeps its typed settings record, as JSON under a key of its own
 * ("worklist.due-times", "auth.idle-lock"). There is deliberately no catch-all settings class.
 */
public final class SettingsStore {
    private final Database database;
    private final ObjectMapper json;

    public SettingsStore(Database database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    public <T> T read(String key, Class<T> type, T fallback) {
        Optional<String> stored = database.read(c -> Sql.one(c, "SELECT value FROM setting WHERE key = ?", r -> r.getString(1), key));
        if (stored.isEmpty()) {
            return fallback;
        }
        try {
            return json.readValue(stored.get(), type);
        } catch (JsonProcessingException e) {
            throw new StoreException("Setting " + key + " is unreadable (" + e.getOriginalMessage() + "); fix or reset it in Settings", e);
        }
    }

    public void write(String key, Object value) {
        database.update(c -> write(c, key, value));
    }

    /** Inside the caller's write transaction, so a change and its audit event are committed together. */
    public void write(Connection tx, String key, Object value) throws SQLException {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Setting " + key + " cannot be stored: " + e.getOriginalMessage(), e);
        }
        Sql.update(tx, "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, text);
    }
}
