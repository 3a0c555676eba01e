package org.lightbox.help;

/** One line of the shortcut sheet: the keys (or mouse action) as the user presses them, and what they do. */
public record Shortcut(String keys, String does) {
}
