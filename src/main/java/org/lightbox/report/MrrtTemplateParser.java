package org.lightbox.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an IHE MRRT report template (RAD TF Supplement "Management of Radiology Report Templates",
 * the HTML5 template format RSNA RadReport publishes) into the text of our five sections.
 * <p>
 * Each top-level {@code <section>} goes to the report section its id, data-section-name or header names
 * (clinical information and history to indication, procedure to technique, ...); a section we have no
 * place for goes into findings under its own header. Form fields become {@link FieldToken}s: text,
 * textarea, number, date and time inputs, {@code <select>} and {@code <input list>} with a
 * {@code <datalist>} (menus), and checkbox or radio groups (menus of their values). A field with a
 * default value or a checked choice is written as that value; MRRT's data-field-completion-action
 * (or HTML's {@code required}) marks what signing requires. The coded-content {@code <script>} is not
 * used: the editor keeps text.
 */
public final class MrrtTemplateParser {
    private static final int MAX_CHARACTERS = 2_000_000;

    public ParsedTemplate parse(String html, String sourceName) {
        if (html == null || html.isBlank()) {
            throw new TemplateParseException(sourceName + " is empty: it is not a report template");
        }
        if (html.length() > MAX_CHARACTERS || html.indexOf('\0') >= 0) {
            throw new TemplateParseException(sourceName + " is not an HTML report template (binary or larger than 2 MB)");
        }
        Document doc = Jsoup.parse(html);
        List<Element> sections = doc.body().select("section").stream()
                .filter(s -> s.parents().stream().noneMatch(p -> p.normalName().equals("section"))).toList();
        if (sections.isEmpty()) {
            throw new TemplateParseException(sourceName + " has no <section> elements: an IHE MRRT template (such as RSNA"
                    + " RadReport's) holds its report sections in <section> elements of its <body>");
        }
        Map<ReportSection, StringBuilder> texts = new EnumMap<>(ReportSection.class);
        for (Element section : sections) {
            ReportSection target = sectionFor(section);
            StringBuilder out = texts.computeIfAbsent(target, k -> new StringBuilder());
            if (out.length() > 0) {
                out.append("\n\n");
            }
            if (target == ReportSection.FINDINGS && !isNamed(section, "finding")) {
                String header = headerOf(section);
                if (!header.isEmpty() && !header.equalsIgnoreCase("findings")) {
                    out.append(header).append(":\n");
                }
            }
            render(section, doc, out, true);
        }
        Map<ReportSection, String> tidy = new EnumMap<>(ReportSection.class);
        for (ReportSection s : ReportSection.values()) {
            tidy.put(s, texts.containsKey(s) ? tidy(texts.get(s).toString()) : "");
        }
        ReportSections content = ReportSections.of(tidy);
        if (content.isBlank()) {
            throw new TemplateParseException(sourceName + " has sections but no text or fields in them");
        }
        String title = doc.title().isBlank() ? metaTitle(doc, sourceName) : doc.title().strip();
        return new ParsedTemplate(title, content);
    }

    /** The template's title and its text by section. */
    public record ParsedTemplate(String title, ReportSections content) {
    }

    private static String metaTitle(Document doc, String fallback) {
        Element meta = doc.selectFirst("meta[name=dcterms.title]");
        return meta != null && !meta.attr("content").isBlank() ? meta.attr("content").strip() : fallback;
    }

    private static ReportSection sectionFor(Element section) {
        String names = (section.id() + " " + section.attr("data-section-name") + " " + headerOf(section)).toLowerCase(Locale.ROOT);
        if (names.contains("impression") || names.contains("conclusion") || names.contains("summary")) {
            return ReportSection.IMPRESSION;
        }
        if (names.contains("comparison")) {
            return ReportSection.COMPARISON;
        }
        if (names.contains("clinical") || names.contains("indication") || names.contains("history") || names.contains("reason")) {
            return ReportSection.INDICATION;
        }
        if (names.contains("procedure") || names.contains("technique") || names.contains("protocol")) {
            return ReportSection.TECHNIQUE;
        }
        return ReportSection.FINDINGS;
    }

    private static boolean isNamed(Element section, String word) {
        return (section.id() + " " + section.attr("data-section-name")).toLowerCase(Locale.ROOT).contains(word);
    }

    private static String headerOf(Element section) {
        Element header = section.children().stream().filter(c -> c.normalName().equals("header")).findFirst().orElse(null);
        return header == null ? "" : header.text().strip();
    }

    private void render(Element element, Document doc, StringBuilder out, boolean topLevel) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                appendText(out, text.text());
            } else if (node instanceof Element e) {
                renderElement(e, doc, out, topLevel);
            }
        }
    }

    private void renderElement(Element e, Document doc, StringBuilder out, boolean topLevel) {
        String tag = e.normalName();
        String fieldType = e.attr("data-field-type").toUpperCase(Locale.ROOT);
        switch (tag) {
            case "script", "style", "datalist", "template", "option" -> { }
            case "header" -> {
                if (!topLevel) {
                    newLine(out);
                    appendText(out, e.text().strip() + ":");
                    newLine(out);
                }
            }
            case "section" -> {
                newLine(out);
                render(e, doc, out, false);
                newLine(out);
            }
            case "br" -> newLine(out);
            case "p", "div", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                newLine(out);
                render(e, doc, out, false);
                newLine(out);
            }
            case "input" -> appendField(out, input(e, doc));
            case "textarea" -> appendField(out, valueOrToken(e, doc, e.wholeText().strip(), FieldKind.TEXT, List.of()));
            case "select" -> appendField(out, select(e, doc));
            default -> {
                if (fieldType.equals("CHECKBOX") || fieldType.equals("RADIO")) {
                    appendField(out, choiceGroup(e, doc));
                } else {
                    render(e, doc, out, false);
                }
            }
        }
    }

    private String input(Element e, Document doc) {
        String type = e.attr("type").toLowerCase(Locale.ROOT);
        String fieldType = e.attr("data-field-type").toUpperCase(Locale.ROOT);
        if (type.equals("checkbox") || type.equals("radio")) {
            // A lone choice outside a group: in the text only when the template checks it.
            return e.hasAttr("checked") ? e.attr("value").strip() : "";
        }
        if (type.equals("hidden") || type.equals("button") || type.equals("submit")) {
            return "";
        }
        if (e.hasAttr("list")) {
            Element list = doc.getElementById(e.attr("list"));
            List<String> options = list == null ? List.of() : optionsOf(list);
            return valueOrToken(e, doc, e.attr("value").strip(), FieldKind.MENU, options);
        }
        FieldKind kind = type.equals("number") || fieldType.equals("NUMBER") ? FieldKind.NUMBER
                : type.equals("date") || fieldType.equals("DATE") ? FieldKind.DATE : FieldKind.TEXT;
        String value = e.attr("value").strip();
        String unit = e.attr("data-field-unit").isBlank() ? e.attr("unit").strip() : e.attr("data-field-unit").strip();
        String field = valueOrToken(e, doc, value, kind, List.of());
        return unit.isEmpty() ? field : field + " " + unit;
    }

    private String select(Element e, Document doc) {
        List<String> options = optionsOf(e);
        String chosen = e.select("option[selected]").stream().map(MrrtTemplateParser::optionText).filter(s -> !s.isEmpty())
                .findFirst().orElse("");
        return valueOrToken(e, doc, chosen, FieldKind.MENU, options);
    }

    private String choiceGroup(Element group, Document doc) {
        List<String> options = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Element choice : group.select("input[type=checkbox], input[type=radio]")) {
            String value = choice.attr("value").strip();
            if (value.isEmpty()) {
                continue;
            }
            options.add(value);
            if (choice.hasAttr("checked")) {
                checked.add(value);
            }
        }
        return valueOrToken(group, doc, String.join(" ", checked), FieldKind.MENU, options);
    }

    private static List<String> optionsOf(Element list) {
        return list.select("option").stream().map(MrrtTemplateParser::optionText).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String optionText(Element option) {
        return option.hasAttr("value") && !option.attr("value").isBlank() ? option.attr("value").strip() : option.text().strip();
    }

    /** The default value when the template gives one, else a field token for the editor. */
    private static String valueOrToken(Element field, Document doc, String value, FieldKind kind, List<String> options) {
        if (!value.isEmpty()) {
            return value;
        }
        Completion completion = field.hasAttr("required") ? Completion.PROHIBIT
                : Completion.ofMrrt(field.attr("data-field-completion-action"));
        return FieldToken.render(completion, labelOf(field, doc), options.isEmpty() && kind == FieldKind.MENU ? FieldKind.TEXT : kind,
                options);
    }

    /** The name a field shows: its name attribute, else its label's text, else its title, else its id. */
    private static String labelOf(Element field, Document doc) {
        if (!field.attr("name").isBlank() && !field.attr("name").equals(field.id())) {
            return field.attr("name").strip();
        }
        if (!field.id().isEmpty()) {
            Element label = doc.selectFirst("label[for=" + cssEscaped(field.id()) + "]");
            if (label != null && !label.text().isBlank()) {
                return label.text().strip().replaceAll("[:\\s]+$", "");
            }
        }
        if (!field.attr("title").isBlank()) {
            return field.attr("title").strip();
        }
        return field.id().isEmpty() ? "value" : field.id();
    }

    private static String cssEscaped(String id) {
        return id.replaceAll("([^A-Za-z0-9_-])", "\\\\$1");
    }

    private static void appendField(StringBuilder out, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.append(' ');
        }
        out.append(text);
    }

    private static void appendText(StringBuilder out, String text) {
        String collapsed = text.replaceAll("\\s+", " ");
        if (collapsed.isBlank()) {
            if (out.length() > 0 && !Character.isWhitespace(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
            return;
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            collapsed = collapsed.stripLeading();
        }
        out.append(collapsed);
    }

    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Lines stripped, at most one blank line in a row, labels standing alone joined to the field after them. */
    private static String tidy(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty() && (lines.isEmpty() || lines.get(lines.size() - 1).isEmpty())) {
                continue;
            }
            lines.add(stripped);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }
}
