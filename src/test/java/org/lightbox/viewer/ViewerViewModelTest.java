package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.testing.Scenario;
import org.lightbox.store.Database;
import org.lightbox.ui.BackgroundTask;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.viewer.testing.CapturedLog;
import org.lightbox.viewer.testing.StoredStudies;
import org.lightbox.viewer.testing.WatchedDecoder;
import org.lightbox.worklist.WorklistQuery;
import org.lightbox.worklist.WorklistRepository;

/** The viewer as a radiologist drives it, on a real store with the demo CT head and its prior; decoding is synchronous. */
class ViewerViewModelTest {
    private static final Path SAMPLES = Path.of("sample-dicom").toAbsolutePath();

    @TempDir
    Path dir;

    private Scenario scenario;
    private Actor radiologist;
    private ImagingRequest head;
    private ImagingRequest prior;
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private FrameLoader loader;
    private ViewerViewModel viewer;

    @BeforeEach
    void storeTheHeadAndItsPrior() {
        scenario = new Scenario(dir);
        radiologist = scenario.user("grace");
        StoredStudies.HeadAndPrior stored = StoredStudies.headAndPrior(scenario, scenario.admin());
        head = stored.head();
        prior = stored.prior();
    }

    @AfterEach
    void close() {
        if (viewer != null) {
            viewer.dispose();
        }
        if (loader != null) {
            loader.close();
        }
        scenario.close();
    }

    private ViewerViewModel viewer() {
        return viewer(new FrameLoader(new FrameDecoder(), new FrameCache(256L * 1024 * 1024), 0, () -> false), tasks);
    }

    private ViewerViewModel viewer(FrameLoader frames, TaskExecutor executor) {
        return viewer(frames, executor, scenario.workstation.worklist());
    }

    private ViewerViewModel viewer(FrameLoader frames, TaskExecutor executor, WorklistRepository worklist) {
        loader = frames;
        ViewerServices base = scenario.workstation.viewer();
        ViewerServices services = new ViewerServices(base.studies(), loader, base.measurements(), base.settings(),
                worklist, new WorklistQuery(ZoneOffset.UTC), base.activity(), dir.resolve("exports"));
        viewer = new ViewerViewModel(services, executor, radiologist, ZoneOffset.UTC);
        return viewer;
    }

    private void openHead(ViewerViewModel v) {
        v.open(new RequestDetails(head, List.of()));
    }

    @Test
    void openingARequestShowsItsFirstImageWithTheOverlayAndItsPriorsAsThumbnails() {
        ViewerViewModel v = viewer();
        openHead(v);
        ViewportViewModel first = v.active();
        assertThat(first.imageProperty().get()).isNotNull();
        assertThat(first.imageProperty().get().columns()).isEqualTo(256);
        assertThat(first.messageProperty().get()).isEmpty();
        assertThat(first.topLeftProperty().get()).startsWith("MOREAU, ALICE").contains("MRN LB-100001");
        assertThat(first.topRightProperty().get()).contains("CT head without contrast").contains("Head 5 mm");
        assertThat(first.bottomLeftProperty().get()).contains("Im 1/24").contains("Loc 105.0 mm");
        assertThat(first.bottomRightProperty().get()).contains("C 40 W 80");
        assertThat(v.thumbnails()).hasSize(2);
        assertThat(v.thumbnails().get(1).study().prior()).isTrue();
        assertThat(v.thumbnails().get(1).studyLabel()).startsWith("PRIOR");
        assertThat(v.thumbnails().get(0).imageProperty().get()).as("thumbnail picture").isNotNull();
    }

    @Test
    void scrollingMovesThroughTheStackAndStopsAtEitherEnd() {
        ViewerViewModel v = viewer();
        openHead(v);
        ViewportViewModel viewport = v.active();
        viewport.scroll(5);
        assertThat(viewport.bottomLeftProperty().get()).startsWith("Im 6/24");
        viewport.scroll(100);
        assertThat(viewport.indexProperty().get()).isEqualTo(23);
        viewport.scroll(-100);
        assertThat(viewport.indexProperty().get()).isZero();
    }

    @Test
    void aNumberKeyAppliesTheCtPresetFromTheSettings() {
        scenario.workstation.settings().write(ViewerSettings.KEY, new ViewerSettings(
                List.of(new WindowPreset("Brain", 40, 80), new WindowPreset("Wide subdural", 100, 300)), 0, 0, 15, 0));
        ViewerViewModel v = viewer();
        openHead(v);
        v.applyPreset(2);
        assertThat(v.active().presentationProperty().get().window()).isEqualTo(new WindowLevel(100, 300));
        assertThat(v.active().bottomRightProperty().get()).contains("C 100 W 300");
        v.active().scroll(1);
        assertThat(v.active().presentationProperty().get().window()).as("the chosen window stays while scrolling")
                .isEqualTo(new WindowLevel(100, 300));
    }

    @Test
    void presetsChangedInSettingsApplyFromTheNextStudyOpenedWithoutSigningInAgain() {
        ViewerViewModel v = viewer();
        scenario.workstation.settings().write(ViewerSettings.KEY, new ViewerSettings(
                List.of(new WindowPreset("Brain", 40, 80), new WindowPreset("Posterior fossa", 45, 120)), 0, 0, 15, 0));
        openHead(v);
        v.applyPreset(2);
        assertThat(v.active().presentationProperty().get().window()).isEqualTo(new WindowLevel(45, 120));
    }

    @Test
    void theDefaultPresetsAreTheEightCtWindows() {
        assertThat(viewer().presets()).extracting(WindowPreset::name).containsExactly("Brain", "Subdural", "Stroke", "Lung",
                "Mediastinum", "Abdomen", "Liver", "Bone");
    }

    @Test
    void sideBySideThePriorFollowsBySlicePosition() {
        ViewerViewModel v = viewer();
        openHead(v);
        v.active().goTo(3); // 90 mm
        v.setLayout(Layout.SIDE_BY_SIDE);
        ViewportViewModel current = v.viewports().get(0);
        ViewportViewModel priorViewport = v.viewports().get(1);
        assertThat(priorViewport.studyProperty().get().prior()).isTrue();
        assertThat(priorViewport.current().sliceLocation()).as("opens where the current study is").isEqualTo(90.0);
        current.goTo(10); // 105 - 10 * 5 = 55 mm
        assertThat(current.current().sliceLocation()).isEqualTo(55.0);
        assertThat(priorViewport.current().sliceLocation()).isIn(50.0, 60.0);
        v.synchronizedScrollingProperty().set(false);
        int before = priorViewport.indexProperty().get();
        current.goTo(0);
        assertThat(priorViewport.indexProperty().get()).isEqualTo(before);
    }

    @Test
    void aSeriesDroppedIntoAViewportIsShownThere() {
        ViewerViewModel v = viewer();
        openHead(v);
        String priorSeries = v.thumbnails().get(1).series().id();
        v.showSeries(0, priorSeries);
        assertThat(v.active().seriesProperty().get().id()).isEqualTo(priorSeries);
        assertThat(v.active().bottomLeftProperty().get()).startsWith("Im 1/12");
    }

    @Test
    void anImageThatCannotBeDecodedSaysWhyAndTheNextOneIsReadable() throws IOException {
        ViewerViewModel v = viewer();
        openHead(v);
        StackImage third = v.active().seriesProperty().get().images().get(2);
        byte[] bytes = Files.readAllBytes(third.file());
        Files.write(third.file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        v.active().goTo(2);
        assertThat(v.active().messageProperty().get()).contains("Image 3 cannot be shown").contains("truncated");
        assertThat(v.active().imageProperty().get()).isNull();
        v.active().scroll(1);
        assertThat(v.active().messageProperty().get()).isEmpty();
        assertThat(v.active().imageProperty().get()).isNotNull();
    }

    @Test
    void aDistanceIsSavedWithTheStudyAndComesBackWhenTheStudyIsOpenedAgain() {
        ViewerViewModel v = viewer();
        openHead(v);
        v.active().goTo(4);
        v.active().addDistance(50, 128, 150, 128);
        assertThat(v.active().measurementsShown()).singleElement().satisfies(m -> assertThat(m.result()).endsWith("mm"));
        v.dispose();

        ViewerViewModel again = viewer();
        openHead(again);
        assertThat(again.active().measurementsShown()).isEmpty();
        again.active().goTo(4);
        assertThat(again.active().measurementsShown()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(MeasurementKind.DISTANCE));
    }

    @Test
    void anEllipseOnCtReportsHounsfieldUnits() {
        ViewerViewModel v = viewer();
        openHead(v);
        v.active().goTo(12);
        v.active().addEllipse(118, 118, 138, 138);
        assertThat(v.active().measurementsShown()).singleElement()
                .satisfies(m -> assertThat(m.result()).contains("HU").contains("mm²"));
    }

    @Test
    void closingTheRequestEmptiesTheViewer() {
        ViewerViewModel v = viewer();
        openHead(v);
        v.open(null);
        assertThat(v.thumbnails()).isEmpty();
        assertThat(v.active().imageProperty().get()).isNull();
    }

    @Test
    void cineStepsThroughTheStackAtItsOwnPaceAndWrapsRound() {
        ViewerViewModel v = viewer();
        openHead(v);
        v.active().goTo(22);
        v.toggleCine();
        assertThat(v.cinePlayingProperty().get()).isTrue();
        tasks.tick();
        tasks.tick();
        assertThat(v.active().indexProperty().get()).isZero();
        v.changeCineFps(5);
        assertThat(v.cineFpsProperty().get()).isEqualTo(20);
        v.toggleCine();
        tasks.tick();
        assertThat(v.active().indexProperty().get()).isZero();
    }

    @Test
    void theViewIsExportedAsPngIntoTheExportFolder() throws IOException {
        ViewerViewModel v = viewer();
        openHead(v);
        v.active().goTo(3);
        v.export(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB));
        Path exported = dir.resolve("exports").resolve("DEMO0001-s1-im4.png"); // the study's accession, as the images carry it
        assertThat(exported).exists();
        assertThat(javax.imageio.ImageIO.read(exported.toFile()).getWidth()).isEqualTo(40);
        assertThat(v.statusProperty().get()).startsWith("Exported");
    }

    @Test
    void idlePrefetchPicksTheNextStudiesOnTheWorklistButNotTheOpenOne() {
        Actor admin = scenario.workstation.users().findByUsername("admin").orElseThrow().asActor();
        ImagingRequest chest = scenario.performed(admin, "LB-100002", "Novak", "urgent", Duration.ofMinutes(30));
        StoredStudies.store(scenario.workstation, chest, StoredStudies.filesUnder(SAMPLES.resolve("DEMO0002-ct-chest")));
        scenario.performed(admin, "LB-100009", "Nobody", "stat", Duration.ofMinutes(10)); // no images yet
        WorklistPrefetch prefetch = new WorklistPrefetch(scenario.workstation.worklist(), new WorklistQuery(ZoneOffset.UTC),
                scenario.workstation.viewer().studies(), scenario.workstation.viewer().loader());
        // STAT first, then by due time; requests whose images have not arrived are skipped.
        assertThat(prefetch.refresh(radiologist, head.id(), 3)).contains(chest.id()).doesNotContain(head.id());
        assertThat(prefetch.refresh(radiologist, null, 3)).startsWith(head.id()).contains(chest.id());
        prefetch.close();
    }

    @Test
    void theOtherWindowsOfTheFileCanBeChosenInTurn() {
        ViewerViewModel v = viewer();
        openHead(v);
        assertThat(v.active().presentationProperty().get().window()).isEqualTo(new WindowLevel(40, 80));
        v.nextFileVoi();
        assertThat(v.active().presentationProperty().get().window()).isEqualTo(new WindowLevel(600, 2800));
        assertThat(v.statusProperty().get()).contains("BONE");
        v.nextFileVoi();
        assertThat(v.active().presentationProperty().get().window()).isEqualTo(new WindowLevel(40, 80));
    }

    @Test
    void theReaderRotatesFlipsInvertsZoomsPansAndResetsTheView() {
        ViewerViewModel v = viewer();
        openHead(v);
        ViewportViewModel viewport = v.active();
        viewport.viewportResized(512, 512); // a 256x256 CT fits at 2x
        assertThat(viewport.bottomRightProperty().get()).contains("Zoom 2.00x");
        int[] before = viewport.imageProperty().get().argb().clone();

        viewport.rotate(1);
        viewport.flipHorizontally();
        viewport.flipVertically();
        assertThat(viewport.transformProperty().get()).extracting(ViewTransform::quarterTurns,
                ViewTransform::flippedHorizontally, ViewTransform::flippedVertically).containsExactly(1, true, true);
        viewport.rotate(-2);
        assertThat(viewport.transformProperty().get().quarterTurns()).as("quarter turns go round").isEqualTo(3);

        viewport.toggleInvert();
        int[] inverted = viewport.imageProperty().get().argb();
        int centre = 128 * 256 + 128;
        assertThat(inverted[centre] & 0xff).isEqualTo(255 - (before[centre] & 0xff));
        assertThat(viewport.bottomRightProperty().get()).contains("inv");

        viewport.oneToOne();
        assertThat(viewport.bottomRightProperty().get()).contains("Zoom 1.00x");
        viewport.zoom(1.25);
        assertThat(viewport.bottomRightProperty().get()).contains("Zoom 1.25x");
        viewport.pan(30, -20);
        assertThat(viewport.transformProperty().get()).extracting(ViewTransform::panX, ViewTransform::panY)
                .containsExactly(30.0, -20.0);
        viewport.fit();
        assertThat(viewport.bottomRightProperty().get()).as("fitted, and with a quarter turn still square").contains("Zoom 2.00x");
        assertThat(viewport.transformProperty().get().panX()).isZero();

        v.applyPreset(4);
        viewport.reset();
        assertThat(viewport.transformProperty().get()).isEqualTo(ViewTransform.FIT);
        assertThat(viewport.presentationProperty().get()).isEqualTo(GreyPresentation.window(new WindowLevel(40, 80)));
        assertThat(viewport.imageProperty().get().argb()).containsExactly(before);
    }

    @Test
    void fittingARotatedImageUsesItsSidewaysSize() {
        ViewTransform fit = ViewTransform.FIT;
        assertThat(fit.effectiveScale(1000, 500, 400, 200)).isEqualTo(2.5);
        assertThat(fit.rotated(1).effectiveScale(1000, 500, 400, 200)).as("400 rows now across, 200 up").isEqualTo(1.25);
        assertThat(fit.zoomed(1000, 1).scale()).as("zoom has a ceiling").isEqualTo(40);
    }

    @Test
    void theOneByTwoAndTwoByTwoLayoutsFillTheirViewportsAndHiddenOnesLetGoOfTheirFrames() {
        ViewerViewModel v = viewer();
        openHead(v);
        FrameCache cache = loader.cache();
        assertThat(cache.pinnedCount()).isEqualTo(1);
        v.setLayout(Layout.FOUR);
        assertThat(v.viewports()).extracting(p -> p.seriesProperty().get() == null ? "empty"
                : p.studyProperty().get().prior() ? "prior" : "current").containsExactly("current", "prior", "empty", "empty");
        assertThat(cache.pinnedCount()).as("a frame on screen in each viewport with a series").isEqualTo(2);
        assertThat(loader.openPrefetches(LoadPriority.AROUND_CURRENT)).isEqualTo(2);

        v.activate(v.viewports().get(1));
        v.viewports().get(1).goTo(5);
        v.setLayout(Layout.ONE);
        assertThat(v.active().slot()).isZero();
        assertThat(cache.pinnedCount()).as("the hidden prior lets go of its frame").isEqualTo(1);
        assertThat(loader.openPrefetches(LoadPriority.AROUND_CURRENT)).as("and stops prefetching").isEqualTo(1);

        v.setLayout(Layout.SIDE_BY_SIDE);
        ViewportViewModel prior = v.viewports().get(1);
        assertThat(prior.studyProperty().get().prior()).isTrue();
        assertThat(prior.indexProperty().get()).as("back where it was").isEqualTo(5);
        assertThat(prior.imageProperty().get()).isNotNull();
        assertThat(cache.pinnedCount()).isEqualTo(2);
        assertThat(loader.openPrefetches(LoadPriority.AROUND_CURRENT)).isEqualTo(2);
    }

    @Test
    void theCineFrameRateSetsTheTimeBetweenFrames() {
        RecordingTimers timers = new RecordingTimers(tasks);
        ViewerViewModel v = viewer(new FrameLoader(new FrameDecoder(), new FrameCache(256L * 1024 * 1024), 0, () -> false),
                timers);
        openHead(v);
        v.toggleCine();
        assertThat(timers.lastPeriod).as("15 frames/s by default").isEqualTo(Duration.ofMillis(66));
        v.cineFpsProperty().set(25);
        assertThat(timers.lastPeriod).isEqualTo(Duration.ofMillis(40));
        v.changeCineFps(100);
        assertThat(v.cineFpsProperty().get()).isEqualTo(60);
        assertThat(timers.lastPeriod).isEqualTo(Duration.ofMillis(16));
        assertThat(timers.running).as("one cine timer, the old one cancelled").isEqualTo(2); // the idle check and the cine
    }

    /** The synchronous executor, remembering the period of each timer and how many run. */
    private static final class RecordingTimers implements TaskExecutor {
        private final CurrentThreadTaskExecutor inner;
        private Duration lastPeriod;
        private int running;

        RecordingTimers(CurrentThreadTaskExecutor inner) {
            this.inner = inner;
        }

        @Override
        public <T> TaskHandle submit(BackgroundTask<T> task, TaskListener<T> listener) {
            return inner.submit(task, listener);
        }

        @Override
        public void onUiThread(Runnable action) {
            inner.onUiThread(action);
        }

        @Override
        public TaskHandle every(Duration period, Runnable action) {
            lastPeriod = period;
            running++;
            TaskHandle handle = inner.every(period, action);
            return () -> {
                running--;
                handle.cancel();
            };
        }

        @Override
        public void shutdown() {
            inner.shutdown();
        }
    }

    @Test
    void whileIdleTheWorkstationDecodesTheNextStudyOnTheWorklistAndItsPriors() {
        // One study ahead: the STAT head; its prior comes as the head's prior, not as a worklist entry of its own.
        scenario.workstation.settings().write(ViewerSettings.KEY,
                new ViewerSettings(ViewerSettings.DEFAULT_CT_PRESETS, 0, 0, 15, 1));
        Actor admin = scenario.workstation.users().findByUsername("admin").orElseThrow().asActor();
        ImagingRequest chest = scenario.performed(admin, "LB-100002", "Novak", "urgent", Duration.ofMinutes(30));
        StoredStudies.store(scenario.workstation, chest, StoredStudies.filesUnder(SAMPLES.resolve("DEMO0002-ct-chest")));
        WatchedDecoder decoder = new WatchedDecoder();
        FrameLoader frames = new FrameLoader(decoder, new FrameCache(256L * 1024 * 1024), 1,
                scenario.workstation.userActivity()::isIdle);
        ViewerViewModel v = viewer(frames, tasks);
        v.open(new RequestDetails(chest, List.of()));
        CountDownLatch decodedAhead = decoder.caughtUpAfter(frames, decoder.totalDecodes());

        tasks.tick(); // the reader is busy: nothing is decoded ahead
        scenario.clock.advance(Duration.ofSeconds(31));
        tasks.tick();
        WatchedDecoder.await(decodedAhead);
        List<ImageStudy> headAndPrior = new ArrayList<>(scenario.workstation.viewer().studies().forRequest(head.id()));
        headAndPrior.addAll(scenario.workstation.viewer().studies().forRequest(prior.id()));
        for (ImageStudy study : headAndPrior) {
            List<StackImage> images = study.series().get(0).images();
            assertThat(frames.loadedCount(images)).as(study.description() + (study.prior() ? " (prior)" : ""))
                    .isEqualTo(images.size());
        }
    }

    @Test
    void aFailedIdlePrefetchIsLoggedAndTriedAgainLater() {
        // A store whose worklist cannot be read.
        try (Database broken = Database.open(dir.resolve("broken.db"));
             CapturedLog log = new CapturedLog(ViewerViewModel.class)) {
            broken.update(c -> org.lightbox.store.Sql.update(c, "ALTER TABLE patient RENAME TO patient_gone"));
            ViewerViewModel v = viewer(new FrameLoader(new FrameDecoder(), new FrameCache(64L * 1024 * 1024), 0, () -> true),
                    tasks, new WorklistRepository(broken));
            scenario.clock.advance(Duration.ofSeconds(31));
            tasks.tick();
            assertThat(log.warnings()).singleElement().asString().contains("Decoding the next worklist studies ahead failed")
                    .contains("tried again");
            assertThat(v.statusProperty().get()).as("the reader is not bothered").isEmpty();
        }
    }

    @Test
    void aSeriesThumbnailFillsItsProgressAsItsImagesAreDecoded() {
        WatchedDecoder decoder = new WatchedDecoder().gateEverything();
        FrameLoader frames = new FrameLoader(decoder, new FrameCache(256L * 1024 * 1024), 1, () -> false);
        ViewerViewModel v = viewer(frames, tasks);
        CountDownLatch allDecoded = decoder.caughtUpAfter(frames, 0);
        openHead(v);
        SeriesThumbnail headSeries = v.thumbnails().get(0);
        decoder.awaitHeldAtGate();
        assertThat(headSeries.progressProperty().get()).as("nothing decoded yet").isZero();
        decoder.openGate();
        WatchedDecoder.await(allDecoded);
        assertThat(headSeries.progressProperty().get()).isEqualTo(1.0);
        assertThat(v.thumbnails().get(1).progressProperty().get()).as("the prior's too").isEqualTo(1.0);
    }
}
