package org.lightbox.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javafx.scene.image.Image;
import javafx.scene.shape.SVGPath;
import org.lightbox.domain.Priority;

/**
 * The small shapes the panes use, and the application's own icon. Vector paths rather than font glyphs:
 * they render the same on every machine, headless included. The shapes are drawn once, as SVG files in
 * the repository's {@code icons/ui/}, which the build puts on the classpath; colour comes from the
 * stylesheet through the style classes.
 */
public final class Icons {
    private static final String UI_ICONS = "/icons/ui/";
    private static final String[] UI_ICON_NAMES = {"priority-stat", "priority-urgent", "priority-routine", "lock", "flag"};
    /** The sizes a window manager picks from: title bar, task switcher, dock. */
    private static final int[] WINDOW_ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** Read once: a table cell asks for an icon on every repaint. */
    private static final Map<String, String> PATHS = Stream.of(UI_ICON_NAMES)
            .collect(Collectors.toUnmodifiableMap(name -> name, Icons::readPathData));

    private Icons() {
    }

    public static SVGPath priority(Priority priority) {
        SVGPath icon = shape("priority-" + priority.code(), "icon-priority");
        icon.getStyleClass().add("priority-" + priority.code());
        return icon;
    }

    public static SVGPath lock() {
        return shape("lock", "icon-lock");
    }

    public static SVGPath flag() {
        return shape("flag", "icon-flag");
    }

    /** The Lightbox icon in every size a window may be shown with, for {@code Stage.getIcons()}. */
    public static List<Image> application() {
        List<Image> images = new ArrayList<>();
        for (int size : WINDOW_ICON_SIZES) {
            images.add(new Image(resource("/icons/png/lightbox-" + size + ".png").toExternalForm()));
        }
        return images;
    }

    private static SVGPath shape(String name, String styleClass) {
        SVGPath icon = new SVGPath();
        icon.setContent(PATHS.get(name));
        icon.getStyleClass().addAll("icon", styleClass);
        return icon;
    }

    /** The {@code d} attributes of every {@code <path>} in the file, as one path: the panes fill it with one colour. */
    private static String readPathData(String name) {
        URL url = resource(UI_ICONS + name + ".svg");
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        List<String> paths = new ArrayList<>();
        try (InputStream in = url.openStream()) {
            XMLStreamReader svg = factory.createXMLStreamReader(in);
            while (svg.hasNext()) {
                if (svg.next() == XMLStreamConstants.START_ELEMENT && svg.getLocalName().equals("path")) {
                    String d = svg.getAttributeValue(null, "d");
                    if (d != null && !d.isBlank()) {
                        paths.add(d.trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the icon " + url, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The icon " + url + " is not well-formed SVG: " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new IllegalStateException("The icon " + url + " has no <path d=\"...\">");
        }
        return String.join(" ", paths);
    }

    private static URL resource(String path) {
        URL url = Icons.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("The icon " + path + " is missing from the build (see icons/ in the repository)");
        }
        return url;
    }
}
