package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.viewer.testing.StoredStudies;
import org.lightbox.worklist.WorklistQuery;

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
        Actor admin = scenario.admin();
        head = scenario.performed(admin, "LB-100001", "Moreau", "stat", Duration.ofMinutes(20));
        prior = scenario.performed(admin, "LB-100001", "Moreau", "routine", Duration.ofDays(365));
        StoredStudies.store(scenario.workstation, head, StoredStudies.filesUnder(SAMPLES.resolve("DEMO0001-ct-head")));
        StoredStudies.store(scenario.workstation, prior, StoredStudies.filesUnder(SAMPLES.resolve("DEMO0000-ct-head-prior")));
    }

    @AfterEach
    void close() {
        if (viewer != null) {
            viewer.dispose();
        }
        scenario.close();
    }

    private ViewerViewModel viewer() {
        loader = new FrameLoader(new FrameDecoder(), new FrameCache(256L * 1024 * 1024), 0, () -> false);
        ViewerServices base = scenario.workstation.viewer();
        ViewerServices synchronous = new ViewerServices(base.studies(), loader, base.measurements(), base.settings(),
                base.worklist(), new WorklistQuery(ZoneOffset.UTC), base.activity(), dir.resolve("exports"));
        viewer = new ViewerViewModel(synchronous, tasks, radiologist, ZoneOffset.UTC);
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
        assertThat(first.topLeftProperty().get()).contains("MOREAU").contains("MRN LB-100001");
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
}
