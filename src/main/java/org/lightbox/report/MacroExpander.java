package org.lightbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands macro triggers. An expansion may use other triggers (".nlchest" = ".nlcxr No rib fracture."),
 * expanded in turn; a chain that comes back to a trigger already being expanded is a loop and is refused.
 */
public final class MacroExpander {
    /** A trigger: a dot and 2 to 20 letters, digits or '-', starting a word. */
    static final Pattern TRIGGER = Pattern.compile("(?<![\\w.])\\.[a-z0-9][a-z0-9-]{1,19}(?![\\w-])");

    private final Map<String, String> expansions;

    public MacroExpander(Map<String, String> expansions) {
        this.expansions = Map.copyOf(expansions);
    }

    public static boolean isTrigger(String word) {
        return TRIGGER.matcher(word).matches();
    }

    /** The macro expansion of {@code trigger}, its own triggers expanded; empty when it is no macro. */
    public Optional<String> expand(String trigger) {
        if (!expansions.containsKey(trigger)) {
            return Optional.empty();
        }
        return Optional.of(expand(trigger, new ArrayList<>()));
    }

    private String expand(String trigger, List<String> path) {
        if (path.contains(trigger)) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(trigger), path.size()));
            loop.add(trigger);
            throw new MacroLoopException("Macro " + loop.get(0) + " expands to itself (" + String.join(" -> ", loop)
                    + "): change one of these macros so the chain ends");
        }
        path.add(trigger);
        Matcher m = TRIGGER.matcher(expansions.get(trigger));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(expansions.containsKey(inner) ? expand(inner, path) : inner));
        }
        m.appendTail(out);
        path.remove(path.size() - 1);
        return out.toString();
    }

    /**
     * The trigger that ends at {@code caret} in {@code text} and its expansion, or empty when the word
     * before the caret is not a known trigger.
     */
    public Optional<Expansion> at(String text, int caret) {
        int start = caret;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, caret);
        if (!isTrigger(word)) {
            return Optional.empty();
        }
        int from = start;
        return expand(word).map(expansion -> new Expansion(from, caret, word, expansion));
    }

    /** Replace {@code text[start, end)} (the trigger) with {@code replacement}. */
    public record Expansion(int start, int end, String trigger, String replacement) {
    }
}
