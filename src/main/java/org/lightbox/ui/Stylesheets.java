package org.lightbox.ui;

import javafx.scene.Parent;

/** Attaches the theme and a View's own stylesheet (kept beside the View's class) to a node. */
public final class Stylesheets {
    private Stylesheets() {
    }

    public static void theme(Parent root) {
        add(root, Stylesheets.class, "theme.css");
    }

    /** Adds {@code name} from the package of {@code view} to {@code node}. */
    public static void add(Parent node, Class<?> view, String name) {
        var url = view.getResource(name);
        if (url == null) {
            throw new IllegalStateException("Stylesheet " + name + " is missing beside " + view.getName());
        }
        node.getStylesheets().add(url.toExternalForm());
    }
}
