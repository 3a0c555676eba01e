package org.lightbox.viewer;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/** A series in the strip: its middle image, labels, and a bar that fills as its frames are decoded. Drag it to a viewport. */
final class SeriesThumbnailView extends VBox {
    private static final double SIZE = 104;

    private final ImageSeries series;

    SeriesThumbnailView(SeriesThumbnail thumbnail, Runnable open) {
        this.series = thumbnail.series();
        getStyleClass().add("series-thumbnail");
        if (thumbnail.study().prior()) {
            getStyleClass().add("prior");
        }
        ImageView picture = new ImageView();
        picture.setFitWidth(SIZE);
        picture.setFitHeight(SIZE);
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        thumbnail.imageProperty().addListener((o, old, image) -> picture.setImage(toImage(image)));
        picture.setImage(toImage(thumbnail.imageProperty().get()));
        Label study = new Label(thumbnail.studyLabel());
        study.getStyleClass().add("thumbnail-study");
        Label label = new Label(thumbnail.label());
        label.setWrapText(true);
        label.setMaxWidth(SIZE + 8);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(thumbnail.progressProperty());
        progress.setMaxWidth(SIZE);
        progress.visibleProperty().bind(thumbnail.progressProperty().lessThan(1));
        getChildren().addAll(study, picture, label, progress);
        setOnMouseClicked(e -> open.run());
        setOnDragDetected(e -> {
            Dragboard board = startDragAndDrop(TransferMode.COPY);
            board.setContent(dragContent());
            e.consume();
        });
    }

    /** What dragging this thumbnail carries to a viewport. */
    ClipboardContent dragContent() {
        ClipboardContent content = new ClipboardContent();
        content.putString(SeriesDrag.of(series.id()));
        return content;
    }

    private static WritableImage toImage(RenderedImage image) {
        if (image == null) {
            return null;
        }
        WritableImage target = new WritableImage(image.columns(), image.rows());
        target.getPixelWriter().setPixels(0, 0, image.columns(), image.rows(), PixelFormat.getIntArgbPreInstance(),
                image.argb(), 0, image.columns());
        return target;
    }
}
