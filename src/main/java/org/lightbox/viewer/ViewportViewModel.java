package org.lightbox.viewer;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.RawFrame;
import org.lightbox.domain.Actor;
import org.lightbox.ui.TaskExecutor;

/**
 * One viewport: which series it shows and where in it, how (window, zoom, pan, rotation), its
 * four-corner overlay and the measurements on the frame on screen. Frames come from the cache, or
 * are asked of the loader and shown when they arrive; until then the previous picture stays, with
 * its own number in the overlay. A frame that cannot be decoded shows its reason instead, and the
 * rest of the series stays readable. A viewport the layout hides keeps its series but pins no frame
 * and prefetches nothing.
 */
public final class ViewportViewModel {
    private final int slot;
    private final FrameLoader loader;
    private final TaskExecutor tasks;
    private final ZoneId zone;
    private final FrameRenderer renderer = new FrameRenderer();
    private final FrameLoader.Listener loaded = this::frameLoaded;
    private final FrameMeasurements measurements;

    private final ReadOnlyObjectWrapper<ImageStudy> study = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<RenderedImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GreyPresentation> presentation = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ViewTransform> transform = new SimpleObjectProperty<>(ViewTransform.FIT);
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper topLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper topRight = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bottomLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bottomRight = new ReadOnlyStringWrapper("");

    private StackPrefetch prefetch;
    private FrameKey pinned;
    private FrameKey awaited;
    /** The image on screen (its pixels, or the message why there are none): -1 for none. */
    private int shownIndex = -1;
    private RawFrame frame;
    private boolean windowChosen;
    private boolean visible = true;
    private double viewportWidth;
    private double viewportHeight;
    private Consumer<ViewportViewModel> onScrolled = v -> { };

    public ViewportViewModel(int slot, FrameLoader loader, Measurements measurements, TaskExecutor tasks, Actor actor,
                             ZoneId zone) {
        this.slot = slot;
        this.loader = loader;
        this.tasks = tasks;
        this.zone = zone;
        this.measurements = new FrameMeasurements(measurements, tasks, actor);
        loader.addListener(loaded);
        transform.addListener(o -> updateOverlay());
    }

    public int slot() { return slot; }
    public ReadOnlyObjectProperty<ImageStudy> studyProperty() { return study.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImageSeries> seriesProperty() { return series.getReadOnlyProperty(); }
    /** Where the user is in the stack; the picture may still be the previous image's while this one decodes. */
    public ReadOnlyIntegerProperty indexProperty() { return index.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RenderedImage> imageProperty() { return image.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GreyPresentation> presentationProperty() { return presentation.getReadOnlyProperty(); }
    public ObjectProperty<ViewTransform> transformProperty() { return transform; }
    public BooleanProperty activeProperty() { return active; }
    public ReadOnlyStringProperty topLeftProperty() { return topLeft.getReadOnlyProperty(); }
    public ReadOnlyStringProperty topRightProperty() { return topRight.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bottomLeftProperty() { return bottomLeft.getReadOnlyProperty(); }
    public ReadOnlyStringProperty bottomRightProperty() { return bottomRight.getReadOnlyProperty(); }
    public ObservableList<Measurement> measurementsShown() { return measurements.shown(); }

    /** Told after every scroll of this viewport, for synchronized scrolling. */
    void onScrolled(Consumer<ViewportViewModel> listener) {
        this.onScrolled = listener;
    }

    /** Shows a series from {@code start}; its neighbours are decoded in the background from there. */
    public void show(ImageStudy newStudy, ImageSeries newSeries, int start, List<Measurement> saved) {
        closePrefetch();
        unpin();
        awaited = null;
        study.set(newStudy);
        series.set(newSeries);
        measurements.study(saved);
        windowChosen = false;
        transform.set(ViewTransform.FIT);
        // Another series: no picture of the old one under the new one's overlay.
        shownIndex = -1;
        frame = null;
        image.set(null);
        message.set(newSeries != null && newSeries.size() == 0 ? "This series has no images." : "");
        if (!hasImages()) {
            index.set(0);
            updateOverlay();
            return;
        }
        int first = Math.max(0, Math.min(newSeries.size() - 1, start));
        index.set(first);
        updateOverlay();
        startPrefetch();
        display();
    }

    public void clear() {
        show(null, null, 0, List.of());
    }

    /**
     * Shown by the layout or hidden by it. Hidden, the viewport keeps its series and place but lets
     * go of its frame and stops prefetching, so that it costs nothing; shown again, it picks up there.
     */
    void visible(boolean now) {
        if (now == visible) {
            return;
        }
        visible = now;
        if (!now) {
            closePrefetch();
            unpin();
            awaited = null;
        } else if (hasImages()) {
            startPrefetch();
            display();
        }
    }

    public boolean hasImages() {
        return series.get() != null && series.get().size() > 0;
    }

    /** The image the user has navigated to. */
    public StackImage current() {
        return hasImages() ? series.get().images().get(index.get()) : null;
    }

    /** The pixels on screen; null while none are (nothing yet, or a frame that cannot be decoded). */
    public RawFrame currentFrame() {
        return frame;
    }

    /** The index of the image on screen, -1 while none is: what the overlay and measurements refer to. */
    public int shownIndex() {
        return shownIndex;
    }

    private StackImage shown() {
        return hasImages() && shownIndex >= 0 ? series.get().images().get(shownIndex) : null;
    }

    /** Moves by {@code delta} images, stopping at either end. */
    public void scroll(int delta) {
        if (hasImages()) {
            goTo(Math.max(0, Math.min(series.get().size() - 1, index.get() + delta)));
        }
    }

    /** Moves by {@code delta}, wrapping round: cine. */
    public void advanceCine(int delta) {
        if (hasImages()) {
            goTo(Math.floorMod(index.get() + delta, series.get().size()));
        }
    }

    public void goTo(int newIndex) {
        if (!hasImages()) {
            return;
        }
        boolean moved = newIndex != index.get();
        moveTo(newIndex);
        if (moved) {
            onScrolled.accept(this);
        }
    }

    /** Follows another viewport by slice position (synchronized scrolling). */
    void followSliceLocation(double location) {
        if (hasImages()) {
            int nearest = series.get().nearestTo(location);
            if (nearest >= 0 && nearest != index.get()) {
                moveTo(nearest);
            }
        }
    }

    private void moveTo(int newIndex) {
        index.set(newIndex);
        if (prefetch != null) {
            prefetch.focus(newIndex);
        }
        display();
    }

    private void display() {
        if (!visible) {
            return;
        }
        StackImage wanted = current();
        FrameKey key = wanted.key();
        if (!key.equals(pinned)) {
            unpin();
            loader.cache().pin(key);
            pinned = key;
        }
        FrameResult result = loader.cached(wanted);
        if (result == null) {
            // The previous image stays on screen until this one is decoded: scrolling never flashes black.
            awaited = key;
            loader.request(wanted);
            result = loader.cached(wanted); // a synchronous loader has it now
            if (result == null) {
                return;
            }
        }
        awaited = null;
        shownIndex = index.get();
        frame = result instanceof FrameResult.Ready ready ? ready.frame() : null;
        if (frame != null && (!windowChosen || presentation.get() == null)) {
            presentation.set(InitialPresentation.of(frame));
        }
        // Overlay and measurements first: whoever sees the new picture sees them with it.
        measurements.show(key);
        updateOverlay();
        if (result instanceof FrameResult.Failed failed) {
            image.set(null);
            message.set("Image " + (shownIndex + 1) + " cannot be shown: " + failed.message());
        } else {
            render();
            message.set("");
        }
    }

    private void render() {
        if (frame != null) {
            image.set(renderer.render(frame, presentation.get()));
        }
    }

    private void frameLoaded(FrameKey key) {
        tasks.onUiThread(() -> {
            if (key.equals(awaited)) {
                display();
            }
        });
    }

    /** A mouse drag of the window: right widens, down raises the centre. */
    public void dragWindow(double dx, double dy) {
        if (presentation.get() != null && frame instanceof GreyFrame) {
            setWindow(presentation.get().window().dragged(dx, dy));
        }
    }

    public void setWindow(WindowLevel window) {
        if (presentation.get() == null) {
            return;
        }
        windowChosen = true;
        presentation.set(presentation.get().withWindow(window));
        render();
        updateOverlay();
    }

    /** Back to the image's own window (the header's first, else VOI LUT, else pixel range). */
    public void resetWindow() {
        windowChosen = false;
        if (frame != null) {
            presentation.set(InitialPresentation.of(frame));
            render();
            updateOverlay();
        }
    }

    /**
     * The next VOI the file offers (PS3.3 C.11.2: several windows, then VOI LUTs), round to the
     * first; returns its name for the status line, e.g. "BONE (600/2800)", or "" when there is none.
     */
    public String nextFileVoi() {
        if (!(frame instanceof GreyFrame grey) || presentation.get() == null) {
            return "";
        }
        FileVoi.Choice next = FileVoi.after(grey.greyscale(), presentation.get());
        if (next == null) {
            return "";
        }
        windowChosen = true;
        presentation.set(next.presentation());
        render();
        updateOverlay();
        return next.name();
    }

    public void toggleInvert() {
        if (presentation.get() != null) {
            windowChosen = true;
            presentation.set(presentation.get().invertedToggled());
            render();
            updateOverlay();
        }
    }

    public void viewportResized(double width, double height) {
        viewportWidth = width;
        viewportHeight = height;
        updateOverlay();
    }

    public double effectiveScale() {
        StackImage shown = current();
        if (frame != null) {
            return transform.get().effectiveScale(viewportWidth, viewportHeight, frame.columns(), frame.rows());
        }
        return shown == null ? 1 : transform.get().effectiveScale(viewportWidth, viewportHeight, shown.columns(), shown.rows());
    }

    public void zoom(double factor) {
        transform.set(transform.get().zoomed(factor, effectiveScale()));
    }

    public void fit() {
        transform.set(transform.get().fitted());
    }

    public void oneToOne() {
        transform.set(transform.get().atScale(1));
    }

    public void pan(double dx, double dy) {
        transform.set(transform.get().panned(dx, dy));
    }

    public void rotate(int quarters) {
        transform.set(transform.get().rotated(quarters));
    }

    public void flipHorizontally() {
        transform.set(transform.get().flippedLeftRight());
    }

    public void flipVertically() {
        transform.set(transform.get().flippedUpDown());
    }

    /** Fit, no rotation or flip, the image's own window, not inverted. */
    public void reset() {
        transform.set(ViewTransform.FIT);
        resetWindow();
        if (presentation.get() != null && presentation.get().inverted()) {
            presentation.set(presentation.get().invertedToggled());
            render();
            updateOverlay();
        }
    }

    /** Saves a distance drawn from (x1, y1) to (x2, y2) in image pixel coordinates, on the image shown. */
    public void addDistance(double x1, double y1, double x2, double y2) {
        StackImage on = shown();
        if (on != null && frame != null) {
            measurements.add(study.get(), series.get(), on.key(), MeasurementKind.DISTANCE, x1, y1, x2, y2,
                    MeasurementMath.distance(x1, y1, x2, y2, on.pixelSpacing()), message::set);
        }
    }

    /** Saves an elliptical ROI inscribed in the box of two corners, in image pixel coordinates, on the image shown. */
    public void addEllipse(double x1, double y1, double x2, double y2) {
        StackImage on = shown();
        if (on != null && frame != null) {
            String result = MeasurementMath.ellipse(frame, x1, y1, x2, y2, on.pixelSpacing(), series.get().modality()).label();
            measurements.add(study.get(), series.get(), on.key(), MeasurementKind.ELLIPSE, x1, y1, x2, y2, result,
                    message::set);
        }
    }

    /** Deletes the most recent measurement on the frame shown. */
    public void deleteLastMeasurement() {
        measurements.deleteLast(message::set);
    }

    private void updateOverlay() {
        ViewportOverlay overlay = ViewportOverlay.of(study.get(), series.get(), shownIndex, frame, presentation.get(),
                effectiveScale(), zone);
        topLeft.set(overlay.topLeft());
        topRight.set(overlay.topRight());
        bottomLeft.set(overlay.bottomLeft());
        bottomRight.set(overlay.bottomRight());
    }

    private void startPrefetch() {
        if (visible) {
            prefetch = loader.prefetch(series.get().images(), LoadPriority.AROUND_CURRENT, index.get());
        }
    }

    private void unpin() {
        if (pinned != null) {
            loader.cache().unpin(pinned);
            pinned = null;
        }
    }

    private void closePrefetch() {
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
        }
    }

    public void dispose() {
        loader.removeListener(loaded);
        closePrefetch();
        unpin();
    }
}
