package org.lightbox.sync;

import static org.lightbox.sync.LocalRows.exists;
import static org.lightbox.sync.LocalRows.known;
import static org.lightbox.sync.ParseValues.bool;
import static org.lightbox.sync.ParseValues.pointer;
import static org.lightbox.sync.ParseValues.text;
import static org.lightbox.sync.ParseValues.textOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.lightbox.store.Sql;

/**
 * Applies objects pulled from the central store to the local tables, by the conflict rules: the server
 * is right about scheduling fields ({@link RemoteRequests}, {@link RemoteWorklistItems}), the author is
 * right about an unsigned draft and a signed report never changes ({@link RemoteReports}). A local change
 * still waiting in the outbox, met by a change made elsewhere since this workstation last saw the object
 * ({@link KnownServerState}), is what makes a difference a conflict; without one, the server's version is
 * simply newer. Pulled changes are not queued back to the server.
 */
final class RemoteChanges {
    private final AccountCache accounts;
    private final Clock clock;
    private final RemoteRequests requests;
    private final RemoteWorklistItems worklistItems;
    private final RemoteReports reports;

    RemoteChanges(ConflictLog conflicts, PendingChanges pending, KnownServerState known, AccountCache accounts,
            ObjectMapper json, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        ConcurrentChanges concurrent = new ConcurrentChanges(conflicts, pending, known, json);
        this.requests = new RemoteRequests(conflicts, concurrent, known, clock);
        this.worklistItems = new RemoteWorklistItems(conflicts, concurrent, known, clock);
        this.reports = new RemoteReports(conflicts, pending, known, clock);
    }

    /** Applies one object of {@code className}; returns whether anything local changed. */
    boolean apply(Connection tx, String className, JsonNode o) throws SQLException {
        return switch (className) {
            case "ImagingCenter" -> center(tx, o);
            case "Modality" -> modality(tx, o);
            case "_User" -> user(tx, o);
            case "RadiologistProfile" -> profile(tx, o);
            case "ImagingRequest" -> requests.apply(tx, o);
            case "WorklistItem" -> worklistItems.apply(tx, o);
            case "Report" -> reports.apply(tx, o);
            default -> false;
        };
    }

    private boolean center(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String name = textOr(o, "name", id);
        int active = o.path("active").asBoolean(true) ? 1 : 0;
        if (exists(tx, "imaging_center", id)) {
            return Sql.update(tx, "UPDATE imaging_center SET name = ?, active = ?, updated_at = ? WHERE id = ?"
                    + " AND (name <> ? OR active <> ?)", name, active, clock.instant(), id, name, active) > 0;
        }
        return Sql.update(tx, "INSERT INTO imaging_center(id, name, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                id, name, active, clock.instant(), clock.instant()) > 0;
    }

    private boolean modality(Connection tx, JsonNode o) throws SQLException {
        String id = o.path("objectId").asText();
        String center = known(tx, "imaging_center", text(o, "imagingCenterId"));
        int active = o.path("active").asBoolean(true) ? 1 : 0;
        if (exists(tx, "modality", id)) {
            return Sql.update(tx, "UPDATE modality SET name = ?, type = ?, ae_title = ?, imaging_center_id = ?, active = ?"
                    + " WHERE id = ?", textOr(o, "name", id), textOr(o, "type", "OT"), text(o, "aeTitle"), center, active, id) > 0;
        }
        return Sql.update(tx, "INSERT INTO modality(id, name, type, ae_title, imaging_center_id, active) VALUES (?, ?, ?, ?, ?, ?)",
                id, textOr(o, "name", id), textOr(o, "type", "OT"), text(o, "aeTitle"), center, active) > 0;
    }

    private boolean user(Connection tx, JsonNode o) throws SQLException {
        String username = text(o, "username");
        if (username == null) {
            throw new UnappliedChange("the account has no username");
        }
        JsonNode active = o.get("active");
        accounts.store(tx, o.path("objectId").asText(), username, textOr(o, "displayName", username), null, null,
                active == null || active.isNull() || active.asBoolean());
        return true;
    }

    /** The central store decides who writes reports, who signs alone and who reviews: its profiles replace the local ones. */
    private boolean profile(Connection tx, JsonNode o) throws SQLException {
        String user = known(tx, "app_user", pointer(o, "user"));
        if (user == null) {
            throw new UnappliedChange("its account " + pointer(o, "user") + " is not known on this workstation yet");
        }
        List<String> subspecialties = new ArrayList<>();
        o.path("subspecialties").forEach(s -> subspecialties.add(s.asText()));
        JsonNode active = o.get("active");
        return Sql.update(tx, "INSERT INTO radiologist_profile(user_id, subspecialties, may_sign_alone, active) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT(user_id) DO UPDATE SET subspecialties = excluded.subspecialties,"
                + " may_sign_alone = excluded.may_sign_alone, active = excluded.active", user, String.join(",", subspecialties),
                bool(o, "maySignAlone") ? 1 : 0, active == null || active.isNull() || active.asBoolean() ? 1 : 0) > 0;
    }

}
