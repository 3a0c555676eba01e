package org.lightbox.help;

import java.util.List;

/** The shortcuts of one screen or pane, under its name on the sheet. */
public record ShortcutGroup(String title, List<Shortcut> shortcuts) {
    public ShortcutGroup {
        shortcuts = List.copyOf(shortcuts);
    }

    /** The group as lines of text, for a tooltip. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Shortcut s : shortcuts) {
            text.append(text.length() == 0 ? "" : "\n").append(s.keys()).append(":  ").append(s.does());
        }
        return text.toString();
    }
}
