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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.request.RequestDetails;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image viewer pane: the opened request's studies and the patient's priors as series
 * thumbnails, one to four viewports, presets, synchronized scrolling, cine, the overlay and export.
 */
public final class ViewerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ViewerViewModel.class);
    private static final Duration IDLE_PREFETCH_CHECK = Duration.ofSeconds(20);
    private static final int MAX_VIEWPORTS = 4;

    private final ViewerServices services;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ZoneId zone;
    private final ViewerSettings settings;
    /** Re-read with each study opened, so presets changed in Settings apply from the next study on. */
    private List<WindowPreset> presets;
    /** Why the stored settings were set aside for the defaults, as of the last study opened; empty when they were fine. */
    private String settingsProblem;
    private final FrameRenderer thumbnailRenderer = new FrameRenderer();
    private final List<ViewportViewModel> viewports = new ArrayList<>();
    private final ObservableList<SeriesThumbnail> thumbnails = FXCollections.observableArrayList();
    /** Read on decode threads, so replaced whole, never changed in place. */
    private volatile Map<String, List<SeriesThumbnail>> thumbnailsByInstance = Map.of();
    private final Map<String, List<Measurement>> measurementsByStudy = new HashMap<>();
    private final List<StackPrefetch> seriesPrefetch = new ArrayList<>();
    private final FrameLoader.Listener loaded = this::frameLoaded;
    /** Thumbnails with a progress update queued for the UI thread: one update however many frames arrive meanwhile. */
    private final Set<SeriesThumbnail> thumbnailsToUpdate = ConcurrentHashMap.newKeySet();
    private final WorklistPrefetch idlePrefetch;
    private final Cine cine;

    private final ObjectProperty<Layout> layout = new SimpleObjectProperty<>(Layout.ONE);
    private final ReadOnlyObjectWrapper<ViewportViewModel> activeViewport = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty synchronizedScrolling = new SimpleBooleanProperty(true);
    private final BooleanProperty overlayShown = new SimpleBooleanProperty(true);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.WINDOW);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasStudies = new ReadOnlyBooleanWrapper(false);

    private RequestDetails opened;
    private TaskHandle idleTimer;
    private long openGeneration;

    public ViewerViewModel(ViewerServices services, TaskExecutor tasks, Actor actor, ZoneId zone) {
        this.services = services;
        this.tasks = tasks;
        this.actor = actor;
        this.zone = zone;
        ViewerSettings.Stored stored = services.storedViewerSettings();
        this.settings = stored.settings();
        this.presets = settings.ctPresets();
        this.settingsProblem = stored.problem();
        status.set(settingsProblem);
        this.idlePrefetch = new WorklistPrefetch(services.worklist(), services.worklistQuery(), services.studies(),
                services.loader());
        for (int i = 0; i < MAX_VIEWPORTS; i++) {
            ViewportViewModel viewport = new ViewportViewModel(i, services.loader(), services.measurements(), tasks, actor, zone);
            viewport.onScrolled(this::scrolled);
            viewports.add(viewport);
            viewport.visible(i < layout.get().viewports());
        }
        activate(viewports.get(0));
        cine = new Cine(tasks, settings.cineFps(), this::active);
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
    public ReadOnlyBooleanProperty cinePlayingProperty() { return cine.playingProperty(); }
    public IntegerProperty cineFpsProperty() { return cine.fpsProperty(); }
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
        cine.stop();
        opened = details;
        closeStudies();
        if (details == null) {
            status.set(settingsProblem);
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
            return new Opened(studies, saved, services.storedViewerSettings());
        }, TaskListener.of(result -> {
            if (generation == openGeneration) {
                presets = result.settings().settings().ctPresets();
                settingsProblem = result.settings().problem();
                showStudies(result);
            }
        }, error -> status.set("The images cannot be opened: " + UserMessages.of(error))));
    }

    private record Opened(List<ImageStudy> studies, Map<String, List<Measurement>> measurements,
                          ViewerSettings.Stored settings) {
    }

    private void showStudies(Opened result) {
        measurementsByStudy.putAll(result.measurements());
        List<SeriesThumbnail> all = new ArrayList<>();
        Map<String, List<SeriesThumbnail>> byInstance = new HashMap<>();
        for (ImageStudy study : result.studies()) {
            for (ImageSeries series : study.series()) {
                SeriesThumbnail thumbnail = new SeriesThumbnail(study, series, zone);
                all.add(thumbnail);
                for (StackImage image : series.images()) {
                    List<SeriesThumbnail> of = byInstance.computeIfAbsent(image.sopInstanceUid(), k -> new ArrayList<>());
                    if (!of.contains(thumbnail)) {
                        of.add(thumbnail);
                    }
                }
            }
        }
        byInstance.replaceAll((uid, of) -> List.copyOf(of));
        thumbnailsByInstance = Map.copyOf(byInstance);
        thumbnails.setAll(all);
        hasStudies.set(!all.isEmpty());
        status.set(all.isEmpty() ? "No images yet: the scan has not been registered." : settingsProblem);
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

    /** Fewer viewports hide the others (they let go of their frames and prefetch); more fill the new ones with series not yet shown. */
    public void setLayout(Layout newLayout) {
        layout.set(newLayout);
        for (int i = 0; i < viewports.size(); i++) {
            viewports.get(i).visible(i < newLayout.viewports());
        }
        List<ImageSeries> shown = new ArrayList<>(viewports.stream().map(v -> v.seriesProperty().get()).toList());
        for (int i = 0; i < newLayout.viewports(); i++) {
            if (viewports.get(i).seriesProperty().get() == null) {
                for (SeriesThumbnail t : thumbnails) {
                    if (!shown.contains(t.series())) {
                        show(viewports.get(i), t);
                        shown.add(t.series());
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
        cine.toggle();
    }

    public void changeCineFps(int delta) {
        cine.changeFps(delta);
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
                series.number() == null ? "x" : series.number(), Math.max(0, viewport.shownIndex()) + 1);
        Path target = services.exportFolder().resolve(name);
        tasks.submit(progress -> {
            PngImages.write(picture, target);
            services.measurements().exported(actor, study.studyInstanceUid(), target.toString());
            return target;
        }, TaskListener.of(path -> status.set("Exported " + path),
                error -> status.set("Export failed: " + UserMessages.of(error))));
    }

    /** On a decode thread: the thumbnails of the frame's series show their new progress, soon, once. */
    private void frameLoaded(FrameKey key) {
        List<SeriesThumbnail> affected = thumbnailsByInstance.get(key.sopInstanceUid());
        if (affected == null) {
            return;
        }
        for (SeriesThumbnail thumbnail : affected) {
            if (thumbnailsToUpdate.add(thumbnail)) {
                tasks.onUiThread(() -> {
                    thumbnailsToUpdate.remove(thumbnail);
                    updateThumbnail(thumbnail);
                });
            }
        }
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
                TaskListener.of(ids -> LOG.debug("Decoding ahead while idle: requests {}", ids),
                        error -> LOG.warn("Decoding the next worklist studies ahead failed; it is tried again in {} s: {}",
                                IDLE_PREFETCH_CHECK.toSeconds(), UserMessages.of(error), error)));
    }

    private void closeStudies() {
        seriesPrefetch.forEach(StackPrefetch::close);
        seriesPrefetch.clear();
        thumbnails.clear();
        thumbnailsByInstance = Map.of();
        measurementsByStudy.clear();
        hasStudies.set(false);
        viewports.forEach(ViewportViewModel::clear);
    }

    public void dispose() {
        cine.stop();
        if (idleTimer != null) {
            idleTimer.cancel();
        }
        idlePrefetch.close();
        closeStudies();
        services.loader().removeListener(loaded);
        viewports.forEach(ViewportViewModel::dispose);
    }
}
