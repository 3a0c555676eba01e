package org.lightbox.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** The whole scene a node is in, as a PNG under target/screenshots, to look at what a test drove. */
public final class SceneSnapshot {
    private SceneSnapshot() {
    }

    public static void write(FxRobot robot, String nodeQuery, String name) {
        Node node = robot.lookup(nodeQuery).query();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.getScene().snapshot(null)));
        try {
            Path out = Path.of("target", "screenshots", name);
            Files.createDirectories(out.getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write " + name, e);
        }
    }
}
