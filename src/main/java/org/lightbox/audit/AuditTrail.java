package org.lightbox.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/** Reads the local audit chain. */
public final class AuditTrail {
    private static final int PAGE = 5_000;
    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    /** Verifies the whole local chain, a page at a time so a long chain never sits in memory at once. */
    public ChainCheck verify() {
        return new AuditVerifier().verify(new PagedIterator<>(after -> page(after), AuditEvent::seq));
    }

    public List<AuditEvent> page(long afterSeq) {
        return database.read(c -> Sql.list(c, "SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT " + PAGE,
                AuditTrail::event, afterSeq));
    }

    public List<AuditEvent> latest(int count) {
        return database.read(c -> Sql.list(c, "SELECT * FROM audit_event ORDER BY seq DESC LIMIT ?", AuditTrail::event, count));
    }

    static AuditEvent event(ResultSet r) throws SQLException {
        return new AuditEvent(r.getLong("seq"), r.getString("id"), r.getString("workstation"), Sql.instant(r, "occurred_at"),
                r.getString("actor_id"), r.getString("actor_name"), r.getString("action"), r.getString("target_class"),
                r.getString("target_id"), r.getString("details"), r.getString("prev_hash"), r.getString("hash"));
    }
}
