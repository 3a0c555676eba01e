package org.lightbox.viewer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.request.RequestDetails;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The image viewer pane: the opened request's studies and the patient's priors as series
 * thumbnails, one to four viewports, presets, synchronized scrolling, cine, the overlay and export.
 */
public final class ViewerViewModel {
    private static final Duration IDLE_PREFETCH_CHECK = Duration.ofSeconds(20);
    private static final int MAX_VIEWPORTS = 4;

    private final ViewerServices services;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ZoneId zone;
    private final ViewerSettings settings;
    /** Re-read with each study opened, so presets changed in Settings apply from the next study on. */
    private List<WindowPreset> presets;
    private final FrameRenderer thumbnailRenderer = new FrameRenderer();
    private final List<ViewportViewModel> viewports = new ArrayList<>();
    private final ObservableList<SeriesThumbnail> thumbnails = FXCollections.observableArrayList();
    private final Map<String, List<SeriesThumbnail>> thumbnailsByInstance = new HashMap<>();
    private final Map<String, List<Measurement>> measurementsByStudy = new HashMap<>();
    private final List<StackPrefetch> seriesPrefetch = new ArrayList<>();
    private final FrameLoader.Listener loaded = key -> tasksOnUi(key);
    private final WorklistPrefetch idlePrefetch;

    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(Layout.ONE);
    private final ReadOnlyObjectWrapper<ViewportViewModel> activeViewport = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty synchronizedScrolling = new SimpleBooleanProperty(true);
    private final BooleanProperty overlayShown = new SimpleBooleanProperty(true);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.WINDOW);
    private final ReadOnlyBooleanWrapper cinePlaying = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty cineFps = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasStudies = new ReadOnlyBooleanWrapper(false);

    private RequestDetails opened;
    private TaskHandle cine;
    private TaskHandle idleTimer;
    private long openGeneration;

    public ViewerViewModel(ViewerServices services, TaskExecutor tasks, Actor actor, ZoneId zone) {
        this.services = services;
        this.tasks = tasks;
        this.actor = actor;
        this.zone = zone;
        this.settings = services.viewerSettings();
        this.presets = settings.ctPresets();
        this.idlePrefetch = new WorklistPrefetch(services.worklist(), services.worklistQuery(), services.studies(),
                services.loader());
        for (int i = 0; i < MAX_VIEWPORTS; i++) {
            ViewportViewModel viewport = new ViewportViewModel(i, services.loader(), services.measurements(), tasks, actor, zone);
            viewport.onScrolled(this::scrolled);
            viewports.add(viewport);
        }
        activate(viewports.get(0));
        cineFps.set(settings.cineFps());
        cineFps.addListener((o, old, now) -> restartCine());
        services.loader().addListener(loaded);
        if (settings.idlePrefetchStudies() > 0) {
            idleTimer = tasks.every(IDLE_PREFETCH_CHECK, this::refreshIdlePrefetch);
        }
    }

    public List<ViewportViewModel> viewports() { return viewports; }
    public ObservableList<SeriesThumbnail> thumbnails() { return thumbnails; }
    public ObjectProperty<Layout> layoutProperty() { return layout; }
    public ReadOnlyObjectProperty<ViewportViewModel> activeViewportProperty() { return activeViewport.getReadOnlyProperty(); }
    public BooleanProperty synchronizedScrollingProperty() { return synchronizedScrolling; }
    public BooleanProperty overlayShownProperty() { return overlayShown; }
    public ObjectProperty<Tool> toolProperty() { return tool; }
    public ReadOnlyBooleanProperty cinePlayingProperty() { return cinePlaying.getReadOnlyProperty(); }
    public IntegerProperty cineFpsProperty() { return cineFps; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasStudiesProperty() { return hasStudies.getReadOnlyProperty(); }
    public List<WindowPreset> presets() { return presets; }

    public ViewportViewModel active() {
        return activeViewport.get();
    }

    public void activate(ViewportViewModel viewport) {
        if (activeViewport.get() != null) {
            activeViewport.get().activeProperty().set(false);
        }
        viewport.activeProperty().set(true);
        activeViewport.set(viewport);
    }

    /** Any key or mouse input: speculative prefetch waits for the user to be idle. */
    public void activity() {
        services.activity().touched();
    }

    /** Shows an opened request's studies, and the patient's other studies as priors; null closes. */
    public void open(RequestDetails details) {
        long generation = ++openGeneration;
        stopCine();
        opened = details;
        closeStudies();
        if (details == null) {
            status.set("");
            return;
        }
        String requestId = details.request().id();
        status.set("Loading images…");
        tasks.submit(progress -> {
            List<ImageStudy> studies = new ArrayList<>(services.studies().forRequest(requestId));
            studies.addAll(services.studies().priorsFor(requestId));
            Map<String, List<Measurement>> saved = new HashMap<>();
            for (ImageStudy study : studies) {
                saved.put(study.studyInstanceUid(), services.measurements().forStudy(study.studyInstanceUid()));
            }
            return new Opened(studies, saved, services.viewerSettings().ctPresets());
        }, TaskListener.of(result -> {
            if (generation == openGeneration) {
                presets = result.presets();
                showStudies(result);
            }
        }, error -> status.set("The images cannot be opened: " + UserMessages.of(error))));
    }

    private record Opened(List<ImageStudy> studies, Map<String, List<Measurement>> measurements, List<WindowPreset> presets) {
    }

    private void showStudies(Opened result) {
        measurementsByStudy.putAll(result.measurements());
        List<SeriesThumbnail> all = new ArrayList<>();
        for (ImageStudy study : result.studies()) {
            for (ImageSeries series : study.series()) {
                SeriesThumbnail thumbnail = new SeriesThumbnail(study, series, zone);
                all.add(thumbnail);
                for (StackImage image : series.images()) {
                    thumbnailsByInstance.computeIfAbsent(image.sopInstanceUid(), k -> new ArrayList<>()).add(thumbnail);
                }
            }
        }
        thumbnails.setAll(all);
        hasStudies.set(!all.isEmpty());
        status.set(all.isEmpty() ? "No images yet: the scan has not been registered." : "");
        // The first viewport's first image goes to the decoder last, so that it is decoded first.
        for (SeriesThumbnail thumbnail : all) {
            StackImage key = thumbnail.keyImage();
            if (key != null) {
                services.loader().request(key);
            }
            StackPrefetch prefetch = services.loader().prefetch(thumbnail.series().images(), LoadPriority.OPEN_SERIES, 0);
            seriesPrefetch.add(prefetch);
            updateThumbnail(thumbnail);
        }
        fillViewports(all);
    }

    /** Current studies' series first, then priors, one per visible viewport. */
    private void fillViewports(List<SeriesThumbnail> all) {
        for (int i = 0; i < viewports.size(); i++) {
            if (i < all.size() && i < layout.get().viewports()) {
                show(viewports.get(i), all.get(i));
            }
        }
        activate(viewports.get(0));
    }

    /** Shows a series from its first image, or, with synchronized scrolling, at the active viewport's slice position. */
    private void show(ViewportViewModel viewport, SeriesThumbnail thumbnail) {
        int start = 0;
        StackImage at = active() == null || active() == viewport ? null : active().current();
        if (synchronizedScrolling.get() && at != null && at.sliceLocation() != null) {
            start = Math.max(0, thumbnail.series().nearestTo(at.sliceLocation()));
        }
        viewport.show(thumbnail.study(), thumbnail.series(), start,
                measurementsByStudy.getOrDefault(thumbnail.study().studyInstanceUid(), List.of()));
    }

    /** Puts a series (of the current study or a prior) into a viewport, e.g. dropped there. */
    public void showSeries(int slot, String seriesId) {
        thumbnails.stream().filter(t -> t.series().id().equals(seriesId)).findFirst().ifPresent(t -> {
            ViewportViewModel viewport = viewports.get(slot);
            show(viewport, t);
            activate(viewport);
        });
    }

    /** The previous or next series in the active viewport. */
    public void stepSeries(int delta) {
        if (thumbnails.isEmpty()) {
            return;
        }
        ImageSeries current = active().seriesProperty().get();
        int at = 0;
        for (int i = 0; i < thumbnails.size(); i++) {
            if (thumbnails.get(i).series() == current) {
                at = i;
            }
        }
        show(active(), thumbnails.get(Math.floorMod(at + delta, thumbnails.size())));
    }

    public void setLayout(Layout newLayout) {
        layout.set(newLayout);
        List<ImageSeries> shown = viewports.stream().map(v -> v.seriesProperty().get()).toList();
        for (int i = 0; i < newLayout.viewports(); i++) {
            if (viewports.get(i).seriesProperty().get() == null) {
                for (SeriesThumbnail t : thumbnails) {
                    if (!shown.contains(t.series())) {
                        show(viewports.get(i), t);
                        break;
                    }
                }
            }
        }
        if (active().slot() >= newLayout.viewports()) {
            activate(viewports.get(0));
        }
    }

    /** Tab: the next visible viewport becomes active. */
    public void nextViewport() {
        activate(viewports.get((active().slot() + 1) % layout.get().viewports()));
    }

    /** Number key {@code n} (1..9): the n-th CT preset on the active viewport. */
    public void applyPreset(int n) {
        if (n >= 1 && n <= presets.size()) {
            WindowPreset preset = presets.get(n - 1);
            active().setWindow(preset.window());
            status.set(preset.name() + " window");
        }
    }

    /** C: the next window or VOI LUT the image's file offers. */
    public void nextFileVoi() {
        String name = active().nextFileVoi();
        status.set(name.isEmpty() ? "The image offers no other window" : name);
    }

    private void scrolled(ViewportViewModel source) {
        if (!synchronizedScrolling.get() || source != active()) {
            return;
        }
        StackImage at = source.current();
        if (at == null || at.sliceLocation() == null) {
            return;
        }
        for (int i = 0; i < layout.get().viewports(); i++) {
            ViewportViewModel other = viewports.get(i);
            if (other != source) {
                other.followSliceLocation(at.sliceLocation());
            }
        }
    }

    public void toggleCine() {
        if (cinePlaying.get()) {
            stopCine();
        } else {
            cinePlaying.set(true);
            restartCine();
        }
    }

    public void changeCineFps(int delta) {
        cineFps.set(Math.max(1, Math.min(60, cineFps.get() + delta)));
    }

    private void restartCine() {
        if (cine != null) {
            cine.cancel();
            cine = null;
        }
        if (cinePlaying.get()) {
            cine = tasks.every(Duration.ofMillis(Math.max(16, 1000 / Math.max(1, cineFps.get()))),
                    () -> active().advanceCine(1));
        }
    }

    private void stopCine() {
        cinePlaying.set(false);
        restartCine();
    }

    /** Writes a picture of the active viewport as the user sees it to the export folder. */
    public void export(BufferedImage picture) {
        ViewportViewModel viewport = active();
        ImageStudy study = viewport.studyProperty().get();
        ImageSeries series = viewport.seriesProperty().get();
        if (study == null || series == null || picture == null) {
            return;
        }
        String name = String.format(Locale.ROOT, "%s-s%s-im%d.png",
                (study.accession().isBlank() ? study.studyInstanceUid() : study.accession()).replaceAll("[^A-Za-z0-9._-]", "_"),
                series.number() == null ? "x" : series.number(), viewport.indexProperty().get() + 1);
        Path target = services.exportFolder().resolve(name);
        tasks.submit(progress -> {
            PngImages.write(picture, target);
            services.measurements().exported(actor, study.studyInstanceUid(), target.toString());
            return target;
        }, TaskListener.of(path -> status.set("Exported " + path),
                error -> status.set("Export failed: " + UserMessages.of(error))));
    }

    private void tasksOnUi(FrameKey key) {
        tasks.onUiThread(() -> {
            List<SeriesThumbnail> affected = thumbnailsByInstance.get(key.sopInstanceUid());
            if (affected != null) {
                affected.forEach(this::updateThumbnail);
            }
        });
    }

    private void updateThumbnail(SeriesThumbnail thumbnail) {
        List<StackImage> images = thumbnail.series().images();
        thumbnail.progress(images.isEmpty() ? 1 : (double) services.loader().loadedCount(images) / images.size());
        StackImage key = thumbnail.keyImage();
        if (thumbnail.imageProperty().get() == null && key != null
                && services.loader().cached(key) instanceof FrameResult.Ready ready) {
            thumbnail.image(thumbnailRenderer.render(ready.frame(), InitialPresentation.of(ready.frame())));
        }
    }

    private void refreshIdlePrefetch() {
        if (!services.activity().isIdle()) {
            return;
        }
        String openId = opened == null ? null : opened.request().id();
        tasks.submit(progress -> idlePrefetch.refresh(actor, openId, settings.idlePrefetchStudies()),
                TaskListener.of(ids -> { }, error -> { }));
    }

    private void closeStudies() {
        seriesPrefetch.forEach(StackPrefetch::close);
        seriesPrefetch.clear();
        thumbnails.clear();
        thumbnailsByInstance.clear();
        measurementsByStudy.clear();
        hasStudies.set(false);
        viewports.forEach(ViewportViewModel::clear);
    }

    public void dispose() {
        stopCine();
        if (idleTimer != null) {
            idleTimer.cancel();
        }
        idlePrefetch.close();
        closeStudies();
        services.loader().removeListener(loaded);
        viewports.forEach(ViewportViewModel::dispose);
    }
}
