package org.lightbox.help;

import java.util.List;

/**
 * Every key of the window and its panes, as their Views handle them (ShellView, WorklistView, ViewerView
 * and ViewportView, ReportEditorView, ScansView and LinkStudyView, SyncPanelView, SettingsView,
 * SignInView, LockScreenView): the one list the shortcut sheet (F1, ?) and the viewer's tooltip show. A TestFX
 * test presses some of them and checks they do what this says. "Ctrl" is Cmd on macOS.
 */
public final class KeyboardShortcuts {
    public static final String WINDOW = "Everywhere";
    public static final String VIEWER = "Image viewer (in a viewport)";

    public static final List<ShortcutGroup> ALL = List.of(
            new ShortcutGroup(WINDOW, List.of(
                    new Shortcut("F1, ?", "This sheet (? when not typing in a field); Esc closes it"),
                    new Shortcut("Ctrl+L", "Lock the workstation (it also locks itself when left idle)"),
                    new Shortcut("Ctrl+Shift+Q", "Sign out"),
                    new Shortcut("/", "Search the worklist"),
                    new Shortcut("F5", "Reload the worklist"),
                    new Shortcut("Ctrl+N", "New imaging request (schedulers, administrators)"),
                    new Shortcut("Ctrl+1, Ctrl+2", "Worklist, Scans (technologists, administrators)"),
                    new Shortcut("Ctrl+,", "Settings (administrators)"),
                    new Shortcut("F9", "Sync with the central store now"),
                    new Shortcut("Ctrl+Shift+Y", "Sync panel: what waits, what was refused, conflicts"))),
            new ShortcutGroup("Sign-in and lock screen", List.of(
                    new Shortcut("Enter", "From the username to the password; sign in or unlock"))),
            new ShortcutGroup("Worklist", List.of(
                    new Shortcut("Up, Down", "Move through the list"),
                    new Shortcut("Enter, double-click", "Open the selected request"),
                    new Shortcut("Down, Enter (in the search box)", "Back to the list"),
                    new Shortcut("Esc (in the search box)", "Clear the search, back to the list"),
                    new Shortcut("Alt+O", "Open the selected request"),
                    new Shortcut("Alt+A, Alt+R", "Assign the selected study to me, release it"),
                    new Shortcut("Alt+N", "New request (schedulers, administrators)"))),
            new ShortcutGroup(VIEWER, List.of(
                    new Shortcut("Wheel, Up, Down", "Previous, next image"),
                    new Shortcut("Page Up, Page Down", "A tenth of the stack back, forward"),
                    new Shortcut("Home, End", "First, last image"),
                    new Shortcut("Left, Right", "Previous, next series"),
                    new Shortcut("1 … 9", "Window presets in their order (CT: brain, subdural, stroke, lung, mediastinum,"
                            + " abdomen, liver, bone)"),
                    new Shortcut("0, C", "The image's own window; its next window or VOI LUT"),
                    new Shortcut("Drag, middle drag, right drag", "The current tool (window/level), pan, zoom"),
                    new Shortcut("W, D, E, P, Z", "Tool: window/level, distance, ellipse ROI, pan, zoom"),
                    new Shortcut("Delete, Backspace", "Remove the last measurement"),
                    new Shortcut("F, A", "Fit to the viewport, actual size (1:1)"),
                    new Shortcut("+, -", "Zoom in, out"),
                    new Shortcut("I", "Invert"),
                    new Shortcut("R, Shift+R", "Rotate right, left"),
                    new Shortcut("H, V", "Flip horizontally, vertically"),
                    new Shortcut("Esc", "Reset the view"),
                    new Shortcut("O, S", "Overlay on/off, synchronized scrolling on/off"),
                    new Shortcut("Tab", "Next viewport"),
                    new Shortcut("Alt+1, Alt+2, Alt+3", "Layout 1x1, 1x2, 2x2"),
                    new Shortcut("Space, [ , ]", "Cine on/off, slower, faster"),
                    new Shortcut("Ctrl+E", "Export the view as PNG"))),
            new ShortcutGroup("Report editor", List.of(
                    new Shortcut("Tab, Shift+Tab", "Next, previous template field or section"),
                    new Shortcut("Space, Enter after .word", "Expand the macro .word"),
                    new Shortcut("Ctrl+Enter", "Sign (to the password first when it is empty)"),
                    new Shortcut("Enter (in the password)", "Sign"),
                    new Shortcut("Ctrl+Shift+A", "Write an addendum to the signed report"),
                    new Shortcut("Alt+T, Alt+E", "Apply the template, release to the referrer"),
                    new Shortcut("Alt+P", "Save the signed report as PDF"))),
            new ShortcutGroup("Scans (technologists)", List.of(
                    new Shortcut("Alt+F, Alt+D, Alt+I", "Import a folder, a CD/DICOMDIR, a file"),
                    new Shortcut("Esc", "Cancel the running import"),
                    new Shortcut("Enter, Alt+L (on an unmatched study)", "Link it to a request"),
                    new Shortcut("Enter, Space, Alt+L, Esc (link dialog)", "Find the accession, tick, link, close"),
                    new Shortcut("Enter (PACS tab, in a field)", "Find the matching studies on the PACS"),
                    new Shortcut("Enter, Alt+V (on a study found on the PACS)", "Retrieve it"),
                    new Shortcut("Esc (PACS tab)", "Cancel the running find or retrieve"))),
            new ShortcutGroup("Dialogs", List.of(
                    new Shortcut("Alt+S, Alt+R, Alt+A (sync panel)", "Sync now, retry refused, acknowledge the conflict"),
                    new Shortcut("Enter (on a conflict)", "Acknowledge it"),
                    new Shortcut("Enter, Esc (intake form)", "Create the request, cancel"),
                    new Shortcut("Alt+N, Alt+S, Alt+D (macros)", "New, save, delete a macro"),
                    new Shortcut("Ctrl+Tab, Enter (settings)", "Next tab; save the form of the field"),
                    new Shortcut("Esc", "Close the dialog"))));

    private KeyboardShortcuts() {
    }

    /** The group with this title. */
    public static ShortcutGroup group(String title) {
        return ALL.stream().filter(g -> g.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No shortcut group " + title));
    }
}
