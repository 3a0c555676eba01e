package org.lightbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An unfilled template field as it sits in the report text: {@code [[label]]}, with {@code !} before
 * the label when it must be filled before signing, {@code ?} when leaving it empty deserves a warning,
 * {@code :number} or {@code :date} for its kind, and {@code =a|b|c} for a menu's choices. The text
 * carries its fields, so autosave, crash recovery and the database need nothing else to keep them.
 * Typing over a selected field fills it; Tab selects the next one.
 */
public record FieldToken(int start, int end, Completion completion, String label, FieldKind kind, List<String> options) {
    private static final Pattern TOKEN = Pattern.compile("\\[\\[([!?]?)([^\\[\\]:=|]+?)(?::(text|number|date|menu))?(?:=([^\\[\\]]*))?]]");

    public FieldToken {
        options = List.copyOf(options);
    }

    /** Every field in {@code text}, in order. */
    public static List<FieldToken> find(String text) {
        List<FieldToken> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            List<String> options = m.group(4) == null ? List.of()
                    : List.of(m.group(4).split("\\|")).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
            FieldKind kind = !options.isEmpty() ? FieldKind.MENU : m.group(3) == null ? FieldKind.TEXT : FieldKind.ofCode(m.group(3));
            tokens.add(new FieldToken(m.start(), m.end(), Completion.ofMarker(m.group(1)), m.group(2).strip(), kind, options));
        }
        return tokens;
    }

    /** The token text for a field, as a template writes it into a section. */
    public static String render(Completion completion, String label, FieldKind kind, List<String> options) {
        String clean = label.replaceAll("[\\[\\]:=|]", " ").strip();
        if (clean.isEmpty()) {
            clean = "value";
        }
        StringBuilder s = new StringBuilder("[[").append(completion.marker()).append(clean);
        if (kind == FieldKind.MENU && !options.isEmpty()) {
            s.append('=').append(String.join("|", options.stream().map(o -> o.replaceAll("[\\[\\]|]", " ").strip()).toList()));
        } else if (kind == FieldKind.NUMBER || kind == FieldKind.DATE) {
            s.append(':').append(kind.code());
        }
        return s.append("]]").toString();
    }

    /** {@code text} without its unfilled fields: what is signed once the signer has accepted leaving them out. */
    public static String withoutFields(String text) {
        return TOKEN.matcher(text).replaceAll("").replaceAll("[ \\t]+\n", "\n").replaceAll("[ \\t]{2,}", " ");
    }
}
