package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Ids;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where files that cannot be indexed go: a copy in the data folder's quarantine, a row saying why,
 * and an audit event. The source (a CD, someone's folder) is never modified, and nothing is lost:
 * the copy can be sent back to the modality's vendor or re-imported once fixed.
 */
public final class Quarantine {
    private static final Logger log = LoggerFactory.getLogger(Quarantine.class);
    private static final String CLASS_NAME = "QuarantinedFile";

    private final Path folder;
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public Quarantine(Path folder, Database database, AuditLog audit, Clock clock) {
        this.folder = folder;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Keeps a copy of {@code file} with the reason. A file that no longer exists or cannot be read
     * leaves nothing to keep: it is only logged (the run's summary still lists it).
     */
    void admit(Actor actor, Path file, String source, IngestOrigin origin, Rejection why) {
        String id = Ids.newId();
        Path stored = Path.of(id + "-" + safeName(file));
        long size;
        try {
            Files.createDirectories(folder);
            Files.copy(file, folder.resolve(stored));
            size = Files.size(folder.resolve(stored));
        } catch (IOException e) {
            log.warn("Not quarantined, nothing to copy from {}: {}", file, why.reason());
            return;
        }
        Instant now = clock.instant();
        database.update(tx -> {
            Sql.update(tx, "INSERT INTO quarantined_file(id, source, stored_path, origin, reason_code, reason, file_size,"
                    + " quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, source, stored.toString(), origin, why.code(),
                    why.reason(), size, now);
            audit.append(tx, actor, IngestAction.FILE_QUARANTINED, CLASS_NAME, id,
                    Map.of("source", source, "origin", origin.code(), "reason", why.reason()));
        });
        log.info("Quarantined {} as {}: {}", source, stored, why.reason());
    }

    /** The most recent first. */
    public List<QuarantinedFile> recent(int limit) {
        return database.read(c -> Sql.list(c, "SELECT * FROM quarantined_file ORDER BY quarantined_at DESC, rowid DESC LIMIT ?",
                r -> new QuarantinedFile(r.getString("id"), r.getString("source"), Path.of(r.getString("stored_path")),
                        IngestOrigin.of(r.getString("origin")), r.getString("reason_code"), r.getString("reason"),
                        r.getLong("file_size"), Sql.instant(r, "quarantined_at")), limit));
    }

    public long count() {
        return database.read(c -> Sql.count(c, "SELECT count(*) FROM quarantined_file"));
    }

    private static String safeName(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "file" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return text.length() > 80 ? text.substring(0, 80) : text;
    }
}
