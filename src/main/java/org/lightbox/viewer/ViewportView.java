package org.lightbox.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.transform.Affine;
import javafx.scene.transform.NonInvertibleTransformException;

/**
 * One viewport on screen: the frame drawn on a canvas with the viewport's zoom, pan, rotation and
 * flips, its measurements over it, the four-corner overlay, and a message where a frame cannot be
 * shown. Mouse: wheel scrolls; left drag does the current tool; middle drag pans; right drag zooms.
 * Series are dropped here from the thumbnails.
 */
public final class ViewportView extends StackPane {
    /**
     * A canvas draws with colours, not style classes: the measurements' colours are CSS properties of
     * the viewport, set in viewer.css from the theme's names (a saved measurement in -lb-warning, one
     * being drawn in -lb-accent).
     */
    private static final CssMetaData<ViewportView, Paint> MEASUREMENT_COLOUR = colour("-lb-measurement-color",
            v -> v.measurementColour);
    private static final CssMetaData<ViewportView, Paint> DRAFT_COLOUR = colour("-lb-measurement-draft-color",
            v -> v.draftColour);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS = cssMetaData();

    private final StyleableObjectProperty<Paint> measurementColour =
            new SimpleStyleableObjectProperty<>(MEASUREMENT_COLOUR, this, "measurementColour", Color.WHITE);
    private final StyleableObjectProperty<Paint> draftColour =
            new SimpleStyleableObjectProperty<>(DRAFT_COLOUR, this, "draftColour", Color.WHITE);
    private final ViewportViewModel model;
    private final ViewerViewModel viewer;
    private final Canvas canvas = new Canvas();
    private final Label message = new Label();
    private WritableImage picture;
    private Point2D pressedAt;
    private Point2D lastDrag;
    private Point2D draftFrom;
    private Point2D draftTo;
    private MouseButton button;

    public ViewportView(ViewportViewModel model, ViewerViewModel viewer) {
        this.model = model;
        this.viewer = viewer;
        setId("viewport-" + model.slot());
        getStyleClass().add("viewport");
        setFocusTraversable(true);
        setMinSize(0, 0);
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        message.getStyleClass().add("viewport-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.setId("viewport-message-" + model.slot());
        getChildren().addAll(holder, message,
                corner(model.topLeftProperty(), Pos.TOP_LEFT, "top-left"),
                corner(model.topRightProperty(), Pos.TOP_RIGHT, "top-right"),
                corner(model.bottomLeftProperty(), Pos.BOTTOM_LEFT, "bottom-left"),
                corner(model.bottomRightProperty(), Pos.BOTTOM_RIGHT, "bottom-right"));
        model.imageProperty().addListener((o, old, image) -> {
            picture = toPicture(image, picture);
            redraw();
        });
        model.transformProperty().addListener(o -> redraw());
        model.measurementsShown().addListener((javafx.collections.ListChangeListener<Measurement>) c -> redraw());
        model.activeProperty().addListener((o, was, active) -> pseudoClassStateChanged(ACTIVE, active));
        pseudoClassStateChanged(ACTIVE, model.activeProperty().get());
        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        measurementColour.addListener(o -> redraw());
        draftColour.addListener(o -> redraw());
    }

    private static CssMetaData<ViewportView, Paint> colour(String property,
                                                          Function<ViewportView, StyleableObjectProperty<Paint>> of) {
        return new CssMetaData<>(property, StyleConverter.getPaintConverter(), Color.WHITE) {
            @Override
            public boolean isSettable(ViewportView view) {
                return !of.apply(view).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(ViewportView view) {
                return of.apply(view);
            }
        };
    }

    private static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.add(MEASUREMENT_COLOUR);
        all.add(DRAFT_COLOUR);
        return List.copyOf(all);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** The colour saved measurements are drawn in, from the theme. */
    Paint measurementColour() {
        return measurementColour.get();
    }

    private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass("active");

    private Label corner(javafx.beans.value.ObservableValue<String> text, Pos position, String id) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("overlay-text");
        label.setId("overlay-" + id + "-" + model.slot());
        label.setMouseTransparent(true);
        // Left and right corners share the width: a narrow viewport shortens the texts rather than overlaps them.
        label.maxWidthProperty().bind(widthProperty().divide(2).subtract(6));
        label.visibleProperty().bind(viewer.overlayShownProperty());
        StackPane.setAlignment(label, position);
        label.setAlignment(position);
        label.setTextAlignment(position.getHpos() == javafx.geometry.HPos.RIGHT
                ? javafx.scene.text.TextAlignment.RIGHT : javafx.scene.text.TextAlignment.LEFT);
        return label;
    }

    private static WritableImage toPicture(RenderedImage image, WritableImage reuse) {
        if (image == null) {
            return null;
        }
        WritableImage target = reuse != null && (int) reuse.getWidth() == image.columns()
                && (int) reuse.getHeight() == image.rows() ? reuse : new WritableImage(image.columns(), image.rows());
        // Every pixel is opaque, so premultiplied and plain ARGB are the same bytes.
        target.getPixelWriter().setPixels(0, 0, image.columns(), image.rows(), PixelFormat.getIntArgbPreInstance(),
                image.argb(), 0, image.columns());
        return target;
    }

    private void resized() {
        model.viewportResized(canvas.getWidth(), canvas.getHeight());
        redraw();
    }

    /** Screen from image pixel coordinates: centre, pan, flip (as the reader sees it, so after the rotation), rotate, scale. */
    private Affine imageToScreen() {
        RenderedImage image = model.imageProperty().get();
        StackImage current = model.current();
        int columns = image != null ? image.columns() : current == null ? 1 : current.columns();
        int rows = image != null ? image.rows() : current == null ? 1 : current.rows();
        ViewTransform t = model.transformProperty().get();
        double scale = model.effectiveScale();
        Affine affine = new Affine();
        affine.appendTranslation(canvas.getWidth() / 2 + t.panX(), canvas.getHeight() / 2 + t.panY());
        affine.appendScale(t.flippedHorizontally() ? -1 : 1, t.flippedVertically() ? -1 : 1);
        affine.appendRotation(90.0 * t.quarterTurns());
        affine.appendScale(scale, scale);
        affine.appendTranslation(-columns / 2.0, -rows / 2.0);
        return affine;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(new Affine());
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (picture == null) {
            return;
        }
        Affine toScreen = imageToScreen();
        g.setTransform(toScreen);
        // Interpolate when magnifying a little, as reading viewers do; show true pixels when zoomed far in.
        g.setImageSmoothing(model.effectiveScale() < 3);
        g.drawImage(picture, 0, 0);
        g.setTransform(new Affine());
        g.setLineWidth(1.5);
        g.setFont(Font.font(12));
        for (Measurement m : model.measurementsShown()) {
            draw(g, toScreen, m.kind(), m.x1(), m.y1(), m.x2(), m.y2(), measurementColour.get(),
                    m.result().replace("  area", "\narea"));
        }
        if (draftFrom != null && draftTo != null) {
            MeasurementKind kind = viewer.toolProperty().get() == Tool.ELLIPSE ? MeasurementKind.ELLIPSE : MeasurementKind.DISTANCE;
            draw(g, toScreen, kind, draftFrom.getX(), draftFrom.getY(), draftTo.getX(), draftTo.getY(), draftColour.get(),
                    null);
        }
    }

    private static void draw(GraphicsContext g, Affine toScreen, MeasurementKind kind, double x1, double y1, double x2,
                             double y2, Paint colour, String label) {
        g.setStroke(colour);
        g.setFill(colour);
        Point2D a = toScreen.transform(x1, y1);
        Point2D b = toScreen.transform(x2, y2);
        if (kind == MeasurementKind.DISTANCE) {
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        } else {
            // The ellipse is axis-aligned in the image; with a quarter-turn rotation it stays axis-aligned on screen.
            g.strokeOval(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()), Math.abs(b.getX() - a.getX()),
                    Math.abs(b.getY() - a.getY()));
        }
        if (label != null) {
            // Beside the drawing, but kept inside the viewport so that the value is always readable.
            javafx.scene.text.Text measure = new javafx.scene.text.Text(label);
            measure.setFont(g.getFont());
            double width = measure.getLayoutBounds().getWidth();
            double height = measure.getLayoutBounds().getHeight();
            double x = Math.min(Math.max(a.getX(), b.getX()) + 6, g.getCanvas().getWidth() - width - 4);
            double y = Math.min(Math.max(a.getY(), b.getY()) + 4, g.getCanvas().getHeight() - height);
            g.fillText(label, Math.max(4, x), Math.max(14, y));
        }
    }

    private Point2D toImage(double x, double y) {
        try {
            return imageToScreen().inverseTransform(x, y);
        } catch (NonInvertibleTransformException e) {
            return new Point2D(0, 0);
        }
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        viewer.activate(model);
        button = e.getButton();
        pressedAt = new Point2D(e.getX(), e.getY());
        lastDrag = pressedAt;
        Tool tool = viewer.toolProperty().get();
        if (button == MouseButton.PRIMARY && (tool == Tool.DISTANCE || tool == Tool.ELLIPSE) && model.currentFrame() != null) {
            draftFrom = toImage(e.getX(), e.getY());
            draftTo = draftFrom;
        }
    }

    private void dragged(MouseEvent e) {
        if (lastDrag == null) {
            return;
        }
        double dx = e.getX() - lastDrag.getX();
        double dy = e.getY() - lastDrag.getY();
        lastDrag = new Point2D(e.getX(), e.getY());
        Tool tool = button == MouseButton.MIDDLE ? Tool.PAN : button == MouseButton.SECONDARY ? Tool.ZOOM
                : viewer.toolProperty().get();
        switch (tool) {
            case WINDOW -> model.dragWindow(dx, dy);
            case PAN -> model.pan(dx, dy);
            case ZOOM -> model.zoom(Math.pow(1.01, -dy));
            case DISTANCE, ELLIPSE -> {
                if (draftFrom != null) {
                    draftTo = toImage(e.getX(), e.getY());
                    redraw();
                }
            }
        }
    }

    private void released(MouseEvent e) {
        if (draftFrom != null && draftTo != null && draftFrom.distance(draftTo) * model.effectiveScale() > 3) {
            if (viewer.toolProperty().get() == Tool.ELLIPSE) {
                model.addEllipse(draftFrom.getX(), draftFrom.getY(), draftTo.getX(), draftTo.getY());
            } else {
                model.addDistance(draftFrom.getX(), draftFrom.getY(), draftTo.getX(), draftTo.getY());
            }
        }
        draftFrom = null;
        draftTo = null;
        lastDrag = null;
        redraw();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            viewer.activate(model);
            model.scroll(e.getDeltaY() < 0 ? 1 : -1);
            e.consume();
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasString() && SeriesDrag.seriesId(e.getDragboard().getString()).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        e.setDropCompleted(drop(e.getDragboard().getString()));
        e.consume();
    }

    /** Shows the series a thumbnail dragged here carries; false for anything else dropped. */
    boolean drop(String dragged) {
        return SeriesDrag.seriesId(dragged).map(id -> {
            viewer.showSeries(model.slot(), id);
            return true;
        }).orElse(false);
    }

    public ViewportViewModel model() {
        return model;
    }
}
