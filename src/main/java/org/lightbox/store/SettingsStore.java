package org.lightbox.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("Setting " + key + " cannot be stored: " + e.getOriginalMessage(), e);
        }
        database.update(c -> Sql.update(c,
                "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, text));
    }
}
