package org.lightbox.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.ByteBuffer;
import org.lightbox.audit.AuditLog;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Ids;
import org.lightbox.domain.Permission;
import org.lightbox.request.ImagingRequest;
import org.lightbox.store.Database;
import org.lightbox.store.Sql;

/**
 * The report templates a radiologist can apply: ours, shipped in the jar (CT head, CT chest, chest
 * X-ray, MR knee), and those imported from MRRT files, kept in the database exactly as imported.
 */
public final class TemplateLibrary {
    private static final List<String> BUILT_IN = List.of("ct-head", "ct-chest", "chest-xray", "mr-knee");
    private static final long MAX_FILE_BYTES = 2_000_000;
    private static final String SELECT_IMPORTED = "SELECT id, title, source_name, imported_at, active FROM report_template ";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final MrrtTemplateParser parser = new MrrtTemplateParser();
    /** Parsed on first use: jsoup and four templates are not worth a wait before the sign-in screen. */
    private List<ReportTemplate> builtIn;

    public TemplateLibrary(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    private synchronized List<ReportTemplate> builtIn() {
        if (builtIn == null) {
            builtIn = BUILT_IN.stream().map(this::loadBuiltIn).toList();
        }
        return builtIn;
    }

    private ReportTemplate loadBuiltIn(String name) {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream("templates/" + name + ".html")) {
            if (in == null) {
                throw new IllegalStateException("Built-in template " + name + ".html is missing from the jar");
            }
            MrrtTemplateParser.ParsedTemplate parsed = parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            return new ReportTemplate("builtin:" + name, parsed.title(), true, parsed.content());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read built-in template " + name, e);
        }
    }

    /** Built-in templates first, then imported ones by title. */
    public List<ReportTemplate> all() {
        List<ReportTemplate> all = new ArrayList<>(builtIn());
        all.addAll(database.read(c -> Sql.list(c, "SELECT id, title, source_name, html FROM report_template WHERE active = 1"
                        + " ORDER BY title",
                r -> new ReportTemplate(r.getString(1), r.getString(2), false,
                        parser.parse(r.getString(4), r.getString(3)).content()))));
        return all;
    }

    /** The imported templates, retired ones included, for the Settings dialog. */
    public List<ImportedTemplate> imported() {
        return database.read(c -> Sql.list(c, SELECT_IMPORTED + "ORDER BY title", TemplateLibrary::imported));
    }

    /**
     * Takes an imported template out of the editor's list. It is kept, not deleted: the audit trail
     * names it and an administrator can bring it back.
     */
    public ImportedTemplate retire(Actor actor, String id) {
        return setActive(actor, id, false);
    }

    public ImportedTemplate restore(Actor actor, String id) {
        return setActive(actor, id, true);
    }

    private ImportedTemplate setActive(Actor actor, String id, boolean active) {
        actor.require(Permission.MANAGE_SETTINGS);
        if (id.startsWith("builtin:")) {
            throw new DomainException("The built-in templates ship with Lightbox and stay; only imported ones can be retired");
        }
        return database.write(tx -> {
            ImportedTemplate before = Sql.one(tx, SELECT_IMPORTED + "WHERE id = ?", TemplateLibrary::imported, id)
                    .orElseThrow(() -> new DomainException("No such imported template: " + id));
            if (before.active() == active) {
                return before;
            }
            Sql.update(tx, "UPDATE report_template SET active = ? WHERE id = ?", active ? 1 : 0, id);
            audit.append(tx, actor, active ? ReportAction.TEMPLATE_RESTORED : ReportAction.TEMPLATE_RETIRED, "ReportTemplate", id,
                    Map.of("title", before.title()));
            return new ImportedTemplate(before.id(), before.title(), before.sourceName(), before.importedAt(), active);
        });
    }

    private static ImportedTemplate imported(java.sql.ResultSet r) throws java.sql.SQLException {
        return new ImportedTemplate(r.getString("id"), r.getString("title"), r.getString("source_name"),
                Sql.instant(r, "imported_at"), r.getInt("active") == 1);
    }

    /** The template whose title best matches the request (modality and body words of its description), if any does. */
    public ReportTemplate suggestFor(ImagingRequest request, List<ReportTemplate> templates) {
        String wanted = (request.requestedModality().code() + " " + request.description()).toLowerCase(Locale.ROOT);
        return templates.stream().filter(t -> score(t, wanted) > 1).max(Comparator.comparingInt(t -> score(t, wanted)))
                .orElse(null);
    }

    private static int score(ReportTemplate template, String wanted) {
        int score = 0;
        for (String word : template.title().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() >= 2 && wanted.matches("(?s).*\\b" + java.util.regex.Pattern.quote(word) + "\\b.*")) {
                score++;
            }
        }
        String modality = wanted.substring(0, wanted.indexOf(' ') < 0 ? wanted.length() : wanted.indexOf(' '));
        boolean xray = modality.equals("cr") || modality.equals("dx");
        if (xray && template.title().toLowerCase(Locale.ROOT).contains("x-ray")) {
            score++;
        }
        return score;
    }

    /** Imports an MRRT template file; refused with the reason when it is not one. Nothing is stored then. */
    public ReportTemplate importFile(Actor actor, Path file) {
        actor.require(Permission.WRITE_REPORT);
        String name = file.getFileName().toString();
        String html = readUtf8(file, name);
        MrrtTemplateParser.ParsedTemplate parsed = parser.parse(html, name);
        String id = Ids.newId();
        database.update(tx -> {
            Sql.update(tx, "INSERT INTO report_template(id, title, source_name, html, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id, parsed.title(), name, html, actor.userId(), clock.instant());
            audit.append(tx, actor, ReportAction.TEMPLATE_IMPORTED, "ReportTemplate", id, Map.of("title", parsed.title(), "file", name));
        });
        return new ReportTemplate(id, parsed.title(), false, parsed.content());
    }

    private static String readUtf8(Path file, String name) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new DomainException(name + " is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new TemplateParseException(name + " is larger than 2 MB: not a report template");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TemplateParseException(name + " is not UTF-8 text: MRRT templates are UTF-8 HTML");
        } catch (IOException e) {
            throw new DomainException("Cannot read " + name + ": " + e.getMessage());
        }
    }
}
