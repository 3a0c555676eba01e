package org.lightbox.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's dialogs, all opened through here: each is owned by the main window, modal to it and
 * themed. They are known, so that locking the workstation hides them with everything else (a form
 * left open must not show a patient over the lock screen) and unlocking brings them back as they
 * were, unsaved input included. Input inside a dialog counts as activity at the workstation: the
 * idle lock must not close in on someone typing in a form.
 */
public final class WindowDialogs {
    private final Supplier<Window> owner;
    private final Runnable activity;
    /** Each open dialog and what runs when it closes. */
    private final Map<Stage, Runnable> open = new LinkedHashMap<>();
    private final List<Stage> hiddenByLock = new ArrayList<>();
    private boolean locking;

    /** @param owner the main window (asked at each opening: the scene may not be shown yet at construction) */
    public WindowDialogs(Supplier<Window> owner, Runnable activity) {
        this.owner = owner;
        this.activity = activity;
    }

    /**
     * Opens a dialog sized to its content. {@code content} gets the action that closes the dialog (its
     * Close or Cancel button, or a successful Save); {@code onClosed} runs however the dialog closes.
     * Returns the content, shown.
     */
    public <T extends Parent> T show(String title, Function<Runnable, T> content, Runnable onClosed) {
        return show(title, content, -1, -1, onClosed);
    }

    /** Opens a dialog of the given size (-1: sized to its content). */
    public <T extends Parent> T show(String title, Function<Runnable, T> content, double width, double height,
                                     Runnable onClosed) {
        Stage dialog = new Stage();
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        T root = content.apply(dialog::close);
        Stylesheets.theme(root);
        Scene scene = new Scene(root, width, height);
        scene.addEventFilter(KeyEvent.ANY, e -> activity.run());
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> activity.run());
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> activity.run());
        dialog.setScene(scene);
        dialog.setOnHidden(e -> {
            if (!locking) {
                closed(dialog);
            }
        });
        open.put(dialog, onClosed);
        dialog.show();
        return root;
    }

    /** The workstation locks: every open dialog goes out of sight, nothing in it is lost. */
    public void hideForLock() {
        locking = true;
        try {
            for (Stage dialog : open.keySet()) {
                if (dialog.isShowing()) {
                    hiddenByLock.add(dialog);
                    dialog.hide();
                }
            }
        } finally {
            locking = false;
        }
    }

    /** The right password was typed: the dialogs come back as they were. */
    public void showAfterUnlock() {
        List<Stage> again = List.copyOf(hiddenByLock);
        hiddenByLock.clear();
        again.forEach(Stage::show);
    }

    /** The user signs out (or the window closes): every dialog closes, as if its user closed it. */
    public void closeAll() {
        hiddenByLock.clear();
        for (Stage dialog : List.copyOf(open.keySet())) {
            if (dialog.isShowing()) {
                dialog.close();
            } else {
                closed(dialog);
            }
        }
    }

    private void closed(Stage dialog) {
        Runnable onClosed = open.remove(dialog);
        if (onClosed != null) {
            onClosed.run();
        }
    }

    /** How many dialogs are open (shown or hidden by the lock). */
    public int openCount() {
        return open.size();
    }
}
