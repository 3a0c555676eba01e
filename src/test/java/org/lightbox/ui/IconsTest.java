package org.lightbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.shape.SVGPath;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lightbox.domain.Priority;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The icons come from the SVG and PNG files of icons/ on the classpath; a lost or empty file shows here. */
@ExtendWith(ApplicationExtension.class)
class IconsTest {
    @Start
    void start(Stage stage) {
        // The toolkit is all these tests need; no window.
    }

    @Test
    void everyPaneIconHasAShapeThatFitsItsTwelvePixelCell() {
        List<SVGPath> icons = Stream.concat(Stream.of(Priority.values()).map(Icons::priority), Stream.of(Icons.lock(), Icons.flag()))
                .toList();
        for (SVGPath icon : icons) {
            Bounds bounds = icon.getLayoutBounds();
            assertThat(icon.getContent()).as(icon.getStyleClass().toString()).isNotBlank();
            assertThat(bounds.getWidth()).as(icon.getStyleClass() + " width").isBetween(4.0, 12.0);
            assertThat(bounds.getHeight()).as(icon.getStyleClass() + " height").isBetween(4.0, 12.0);
            assertThat(icon.getStyleClass()).contains("icon");
        }
    }

    @Test
    void eachPriorityHasItsOwnShapeAndColourClass() {
        Set<String> shapes = Stream.of(Priority.values()).map(p -> Icons.priority(p).getContent()).collect(Collectors.toSet());
        assertThat(shapes).hasSize(Priority.values().length);
        assertThat(Icons.priority(Priority.STAT).getStyleClass()).contains("icon-priority", "priority-stat");
    }

    @Test
    void theWindowIconComesInEverySizeAWindowManagerAsksFor() {
        List<Image> images = Icons.application();
        assertThat(images).extracting(Image::getWidth).containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
        for (Image image : images) {
            assertThat(image.isError()).as("%s px loads", image.getWidth()).isFalse();
            assertThat(image.getHeight()).isEqualTo(image.getWidth());
            double size = image.getWidth();
            // A drawing, not a blank square: the light box panel is much brighter than the dark tile around it.
            double panel = image.getPixelReader().getColor((int) (size * 0.28), (int) (size * 0.24)).getBrightness();
            double tile = image.getPixelReader().getColor((int) (size / 2), (int) (size * 0.08)).getBrightness();
            assertThat(panel).as("%s px", image.getWidth()).isGreaterThan(tile + 0.3);
        }
    }
}
