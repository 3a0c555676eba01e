package org.lightbox.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date at start-up from the versioned SQL files under {@code db/migration}.
 * The files are listed in {@code db/migration/index.txt} (a jar cannot be listed); each is applied
 * once, in its own transaction, and recorded in {@code schema_migration}.
 */
final class Migrations {
    private static final String FOLDER = "/db/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.sql");

    private final Database database;

    Migrations(Database database) {
        this.database = database;
    }

    void apply() {
        database.update(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_migration ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
        });
        // Applied by set, not by "newer than the newest": a file merged in later with a lower number still runs.
        Set<Integer> applied = new HashSet<>(database.read(c -> Sql.list(c, "SELECT version FROM schema_migration",
                r -> r.getInt(1))));
        for (String name : listed()) {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new StoreException("Migration file name " + name + " does not read V###__name.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!applied.contains(version)) {
                String sql = load(name);
                database.update(c -> {
                    execute(c, sql);
                    Sql.update(c, "INSERT INTO schema_migration(version, name, applied_at) VALUES (?, ?, ?)",
                            version, name, System.currentTimeMillis());
                });
            }
        }
    }

    private static List<String> listed() {
        List<String> names = new ArrayList<>();
        for (String line : load("index.txt").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new StoreException("Migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Cannot read migration " + name, e);
        }
    }

    private static void execute(Connection c, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : SqlScript.statements(script)) {
                s.executeUpdate(statement);
            }
        }
    }
}
