package org.lightbox.viewer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.RawFrame;
import org.lightbox.domain.Actor;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * One viewport: which series it shows and where in it, how (window, zoom, pan, rotation), its
 * four-corner overlay and the measurements on the current frame. Frames come from the cache, or
 * are asked of the loader and shown when they arrive; a frame that cannot be decoded shows its
 * reason instead, and the rest of the series stays readable.
 */
public final class ViewportViewModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);

    private final int slot;
    private final FrameLoader loader;
    private final Measurements measurements;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ZoneId zone;
    private final FrameRenderer renderer = new FrameRenderer();
    private final FrameLoader.Listener loaded = this::frameLoaded;

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
    private final ObservableList<Measurement> shownMeasurements = FXCollections.observableArrayList();
    private final List<Measurement> studyMeasurements = new ArrayList<>();

    private StackPrefetch prefetch;
    private FrameKey pinned;
    private FrameKey awaited;
    private RawFrame frame;
    private boolean windowChosen;
    private double viewportWidth;
    private double viewportHeight;
    private Consumer<ViewportViewModel> onScrolled = v -> { };

    public ViewportViewModel(int slot, FrameLoader loader, Measurements measurements, TaskExecutor tasks, Actor actor,
                             ZoneId zone) {
        this.slot = slot;
        this.loader = loader;
        this.measurements = measurements;
        this.tasks = tasks;
        this.actor = actor;
        this.zone = zone;
        loader.addListener(loaded);
        transform.addListener(o -> updateOverlay());
    }

    public int slot() { return slot; }
    public ReadOnlyObjectProperty<ImageStudy> studyProperty() { return study.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ImageSeries> seriesProperty() { return series.getReadOnlyProperty(); }
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
    public ObservableList<Measurement> measurementsShown() { return shownMeasurements; }

    /** Told after every scroll of this viewport, for synchronized scrolling. */
    void onScrolled(Consumer<ViewportViewModel> listener) {
        this.onScrolled = listener;
    }

    /** Shows a series from {@code start}; its neighbours are decoded in the background from there. */
    public void show(ImageStudy newStudy, ImageSeries newSeries, int start, List<Measurement> saved) {
        closePrefetch();
        study.set(newStudy);
        series.set(newSeries);
        studyMeasurements.clear();
        studyMeasurements.addAll(saved);
        windowChosen = false;
        transform.set(ViewTransform.FIT);
        if (newSeries == null || newSeries.size() == 0) {
            unpin();
            frame = null;
            image.set(null);
            index.set(0);
            message.set(newSeries == null ? "" : "This series has no images.");
            updateOverlay();
            return;
        }
        int first = Math.max(0, Math.min(newSeries.size() - 1, start));
        prefetch = loader.prefetch(newSeries.images(), LoadPriority.AROUND_CURRENT, first);
        goTo(first);
    }

    public void clear() {
        show(null, null, 0, List.of());
    }

    public boolean hasImages() {
        return series.get() != null && series.get().size() > 0;
    }

    public StackImage current() {
        return hasImages() ? series.get().images().get(index.get()) : null;
    }

    public RawFrame currentFrame() {
        return frame;
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
        index.set(newIndex);
        if (prefetch != null) {
            prefetch.focus(newIndex);
        }
        display();
        if (moved) {
            onScrolled.accept(this);
        }
    }

    /** Follows another viewport by slice position (synchronized scrolling). */
    void followSliceLocation(double location) {
        if (hasImages()) {
            int nearest = series.get().nearestTo(location);
            if (nearest >= 0 && nearest != index.get()) {
                index.set(nearest);
                if (prefetch != null) {
                    prefetch.focus(nearest);
                }
                display();
            }
        }
    }

    private void display() {
        StackImage shown = current();
        FrameKey key = shown.key();
        if (!key.equals(pinned)) {
            unpin();
            loader.cache().pin(key);
            pinned = key;
        }
        FrameResult result = loader.cached(shown);
        if (result == null) {
            // The previous image stays on screen until this one is decoded: scrolling never flashes black.
            awaited = key;
            loader.request(shown);
            result = loader.cached(shown); // a synchronous loader has it now
            if (result == null) {
                updateOverlay();
                return;
            }
        }
        awaited = null;
        if (result instanceof FrameResult.Failed failed) {
            frame = null;
            image.set(null);
            message.set("Image " + (index.get() + 1) + " cannot be shown: " + failed.message());
        } else if (result instanceof FrameResult.Ready ready) {
            frame = ready.frame();
            if (!windowChosen || presentation.get() == null) {
                presentation.set(InitialPresentation.of(frame));
            }
            render();
            message.set("");
        }
        shownMeasurements.setAll(studyMeasurements.stream().filter(m -> m.isOn(key)).toList());
        updateOverlay();
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
        org.lightbox.dicom.Greyscale g = grey.greyscale();
        int choices = g.windows().size() + g.voiLuts().size();
        if (choices == 0) {
            return "";
        }
        GreyPresentation now = presentation.get();
        int current = now.voiLutIndex() >= 0 ? g.windows().size() + now.voiLutIndex()
                : g.windows().stream().map(WindowLevel::of).toList().indexOf(now.window());
        int next = (current + 1) % choices;
        windowChosen = true;
        String name;
        if (next < g.windows().size()) {
            org.lightbox.dicom.DicomHeader.VoiWindow w = g.windows().get(next);
            presentation.set(new GreyPresentation(WindowLevel.of(w), -1, now.inverted()));
            name = (w.explanation().isBlank() ? "Window " + (next + 1) : w.explanation()) + " (" + WindowLevel.of(w).label() + ")";
        } else {
            int lut = next - g.windows().size();
            presentation.set(new GreyPresentation(now.window(), lut, now.inverted()));
            String explanation = g.voiLuts().get(lut).explanation();
            name = explanation.isBlank() ? "VOI LUT " + (lut + 1) : explanation;
        }
        render();
        updateOverlay();
        return name;
    }

    public void toggleInvert() {
        if (presentation.get() != null) {
            windowChosen = true;
            presentation.set(presentation.get().invertedToggled());
            render();
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
        }
    }

    /** Saves a distance drawn from (x1, y1) to (x2, y2) in image pixel coordinates. */
    public void addDistance(double x1, double y1, double x2, double y2) {
        StackImage shown = current();
        if (shown == null || frame == null) {
            return;
        }
        save(MeasurementKind.DISTANCE, x1, y1, x2, y2, MeasurementMath.distance(x1, y1, x2, y2, shown.pixelSpacing()));
    }

    /** Saves an elliptical ROI inscribed in the box of two corners, in image pixel coordinates. */
    public void addEllipse(double x1, double y1, double x2, double y2) {
        StackImage shown = current();
        if (shown == null || frame == null) {
            return;
        }
        String modality = series.get().modality();
        save(MeasurementKind.ELLIPSE, x1, y1, x2, y2,
                MeasurementMath.ellipse(frame, x1, y1, x2, y2, shown.pixelSpacing(), modality).label());
    }

    private void save(MeasurementKind kind, double x1, double y1, double x2, double y2, String result) {
        ImageStudy s = study.get();
        ImageSeries se = series.get();
        FrameKey key = current().key();
        tasks.submit(progress -> measurements.add(actor, s.studyInstanceUid(), se.seriesInstanceUid(), key, kind,
                x1, y1, x2, y2, result), TaskListener.of(m -> {
                    studyMeasurements.add(m);
                    if (current() != null && m.isOn(current().key())) {
                        shownMeasurements.add(m);
                    }
                }, error -> message.set("The measurement was not saved: " + UserMessages.of(error))));
    }

    /** Deletes the most recent measurement on this frame. */
    public void deleteLastMeasurement() {
        if (shownMeasurements.isEmpty()) {
            return;
        }
        Measurement last = shownMeasurements.get(shownMeasurements.size() - 1);
        tasks.submit(progress -> {
            measurements.delete(actor, last);
            return last;
        }, TaskListener.of(m -> {
            studyMeasurements.remove(m);
            shownMeasurements.remove(m);
        }, error -> message.set("The measurement was not deleted: " + UserMessages.of(error))));
    }

    private void updateOverlay() {
        ImageStudy s = study.get();
        ImageSeries se = series.get();
        if (s == null || se == null) {
            topLeft.set("");
            topRight.set("");
            bottomLeft.set("");
            bottomRight.set("");
            return;
        }
        topLeft.set(s.patientName() + "\nMRN " + s.patientId());
        topRight.set((s.performedAt() == null ? "" : DATE.format(s.performedAt().atZone(zone)) + "  ")
                + s.description() + (s.prior() ? "  (prior)" : "") + "\n" + se.label());
        StackImage shown = current();
        String location = shown == null || shown.sliceLocation() == null ? ""
                : String.format(Locale.ROOT, "\nLoc %.1f mm", shown.sliceLocation());
        bottomLeft.set(shown == null ? "" : "Im " + (index.get() + 1) + "/" + se.size() + location);
        GreyPresentation p = presentation.get();
        String voi = p == null ? "" : p.voiLutIndex() >= 0 ? "VOI LUT " + (p.voiLutIndex() + 1) : p.window().label();
        String window = frame instanceof GreyFrame && p != null ? voi + (p.inverted() ? "  inv" : "") : "";
        bottomRight.set(window + String.format(Locale.ROOT, "\nZoom %.2fx", effectiveScale()));
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
