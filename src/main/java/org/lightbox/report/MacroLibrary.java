package org.lightbox.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Permission;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Text;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/**
 * Each radiologist's macros, plus the shared ones an administrator keeps. A user's own macro hides a
 * shared one with the same trigger. Saving a macro that would make a loop is refused.
 */
public final class MacroLibrary {
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public MacroLibrary(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** The macros {@code actor} can use: theirs and the shared ones, by trigger. */
    public List<Macro> visibleTo(Actor actor) {
        return database.read(c -> visible(c, actor.userId()));
    }

    private static List<Macro> visible(Connection c, String ownerId) throws SQLException {
        List<Macro> all = Sql.list(c, "SELECT id, owner_id, trigger, expansion FROM report_macro WHERE owner_id IS NULL OR owner_id = ?"
                + " ORDER BY trigger, owner_id IS NULL", r -> new Macro(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                ownerId);
        Map<String, Macro> byTrigger = new LinkedHashMap<>();
        for (Macro m : all) {
            byTrigger.putIfAbsent(m.trigger(), m);
        }
        return List.copyOf(byTrigger.values());
    }

    public MacroExpander expanderFor(Actor actor) {
        Map<String, String> map = new HashMap<>();
        visibleTo(actor).forEach(m -> map.put(m.trigger(), m.expansion()));
        return new MacroExpander(map);
    }

    /**
     * Creates or changes one of the actor's macros ({@code id} null: new). {@code shared} makes it
     * everyone's, which needs the settings permission.
     */
    public Macro save(Actor actor, String id, String trigger, String expansion, boolean shared) {
        actor.require(Permission.WRITE_REPORT);
        if (shared) {
            actor.require(Permission.MANAGE_SETTINGS);
        }
        FormValidation form = new FormValidation();
        String t = form.field("trigger", () -> Text.required(trigger, "Trigger", 21).toLowerCase(java.util.Locale.ROOT));
        String e = form.field("expansion", () -> Text.required(expansion, "Expansion", 20_000));
        if (t != null && !MacroExpander.isTrigger(t)) {
            form.reject("trigger", "A trigger is a dot and 2 to 20 lower-case letters, digits or '-', like .nlcxr");
        }
        form.throwIfInvalid();
        String owner = shared ? null : actor.userId();
        return database.write(tx -> {
            Macro existing = id == null ? null : Sql.one(tx, "SELECT id, owner_id, trigger, expansion FROM report_macro WHERE id = ?",
                    r -> new Macro(r.getString(1), r.getString(2), r.getString(3), r.getString(4)), id).orElse(null);
            if (id != null && existing == null) {
                throw new DomainException("That macro no longer exists");
            }
            if (existing != null) {
                requireOwner(actor, existing);
            }
            boolean taken = Sql.count(tx, "SELECT count(*) FROM report_macro WHERE ifnull(owner_id, '') = ifnull(?, '') AND trigger = ?"
                    + " AND id <> ?", owner, t, id == null ? "" : id) > 0;
            if (taken) {
                throw org.lightbox.domain.ValidationException.of("trigger", "You already have a macro " + t);
            }
            Macro saved = new Macro(id == null ? Ids.newId() : id, owner, t, e);
            checkNoLoop(tx, actor, saved);
            if (existing == null) {
                Sql.update(tx, "INSERT INTO report_macro(id, owner_id, trigger, expansion, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                        saved.id(), owner, t, e, clock.instant(), clock.instant());
            } else {
                Sql.update(tx, "UPDATE report_macro SET owner_id = ?, trigger = ?, expansion = ?, updated_at = ? WHERE id = ?",
                        owner, t, e, clock.instant(), saved.id());
            }
            audit.append(tx, actor, ReportAction.MACRO_SAVED, "ReportMacro", saved.id(), Map.of("trigger", t, "shared", shared));
            return saved;
        });
    }

    public void delete(Actor actor, String id) {
        database.update(tx -> {
            Macro existing = Sql.one(tx, "SELECT id, owner_id, trigger, expansion FROM report_macro WHERE id = ?",
                    r -> new Macro(r.getString(1), r.getString(2), r.getString(3), r.getString(4)), id)
                    .orElseThrow(() -> new DomainException("That macro no longer exists"));
            requireOwner(actor, existing);
            Sql.update(tx, "DELETE FROM report_macro WHERE id = ?", id);
            audit.append(tx, actor, ReportAction.MACRO_DELETED, "ReportMacro", id, Map.of("trigger", existing.trigger()));
        });
    }

    private static void requireOwner(Actor actor, Macro macro) {
        if (macro.isShared()) {
            actor.require(Permission.MANAGE_SETTINGS);
        } else if (!macro.ownerId().equals(actor.userId())) {
            throw new PermissionDeniedException("This macro belongs to another user");
        }
    }

    /**
     * Expands every macro the change affects, with the change in place; a loop refuses the save. A
     * shared macro is checked against what each user sees, their own macros with the shared ones, so
     * that it cannot close a loop through someone's private macro.
     */
    private void checkNoLoop(Connection tx, Actor actor, Macro saved) throws SQLException {
        List<String> owners = new ArrayList<>();
        if (saved.isShared()) {
            owners.add(null);
            owners.addAll(Sql.list(tx, "SELECT DISTINCT owner_id FROM report_macro WHERE owner_id IS NOT NULL ORDER BY owner_id",
                    r -> r.getString(1)));
        } else {
            owners.add(saved.ownerId());
        }
        for (String owner : owners) {
            Map<String, String> view = viewWith(tx, owner, saved);
            MacroExpander expander = new MacroExpander(view);
            try {
                expander.expand(saved.trigger()); // first, so that a loop is named from the macro being saved
                for (String trigger : view.keySet()) {
                    expander.expand(trigger);
                }
            } catch (MacroLoopException loop) {
                if (owner == null || owner.equals(actor.userId())) {
                    throw loop;
                }
                String name = Sql.one(tx, "SELECT display_name FROM app_user WHERE id = ?", r -> r.getString(1), owner)
                        .orElse("another user");
                throw new MacroLoopException("With the own macros of " + name + ": " + loop.getMessage());
            }
        }
    }

    /** The triggers {@code owner} (null: a user with none of their own) would see once {@code saved} is stored. */
    private static Map<String, String> viewWith(Connection tx, String owner, Macro saved) throws SQLException {
        Map<String, String> map = new HashMap<>();
        for (Macro m : visible(tx, owner)) {
            if (!m.id().equals(saved.id())) {
                map.put(m.trigger(), m.expansion());
            }
        }
        if (saved.isShared()) {
            // Triggers are unique per owner, so a trigger already here is the user's own, which hides a shared one.
            map.putIfAbsent(saved.trigger(), saved.expansion());
        } else {
            map.put(saved.trigger(), saved.expansion());
        }
        return map;
    }
}
