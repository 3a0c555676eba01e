package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.report.testing.ThreadedTaskExecutor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.testing.Scenario;
import org.lightbox.viewer.testing.StoredStudies;
import org.lightbox.viewer.testing.WatchedDecoder;

/**
 * The viewer with its decode threads running and a thread of its own standing for the UI thread:
 * what the reader sees while frames are still being decoded. Decodes are held at a gate, and the
 * test waits with latches, never for a while.
 */
class ViewerDecodingTest {
    @TempDir
    Path dir;

    private Scenario scenario;
    private ImagingRequest head;
    private Actor radiologist;
    private final ThreadedTaskExecutor tasks = new ThreadedTaskExecutor();
    private FrameLoader loader;
    private ViewerViewModel viewer;

    @BeforeEach
    void storeTheHeadAndItsPrior() {
        scenario = new Scenario(dir);
        radiologist = scenario.user("grace");
        head = StoredStudies.headAndPrior(scenario, scenario.admin()).head();
    }

    @AfterEach
    void close() throws Exception {
        if (viewer != null) {
            tasks.onUi(() -> {
                viewer.dispose();
                return null;
            });
        }
        tasks.shutdown();
        if (loader != null) {
            loader.close();
        }
        scenario.close();
    }

    /** Opens the head with one decode thread and waits until the UI thread has laid out the studies. */
    private ViewerViewModel openHead(WatchedDecoder decoder) throws Exception {
        loader = new FrameLoader(decoder, new FrameCache(256L * 1024 * 1024), 1, () -> false);
        ViewerServices base = scenario.workstation.viewer();
        ViewerServices services = new ViewerServices(base.studies(), loader, base.measurements(), base.settings(),
                base.worklist(), base.worklistQuery(), base.activity(), dir.resolve("exports"));
        CountDownLatch laidOut = new CountDownLatch(1);
        viewer = tasks.onUi(() -> {
            ViewerViewModel v = new ViewerViewModel(services, tasks, radiologist, ZoneOffset.UTC);
            v.hasStudiesProperty().addListener((o, was, has) -> laidOut.countDown());
            v.open(new RequestDetails(head, List.of()));
            return v;
        });
        WatchedDecoder.await(laidOut);
        tasks.onUi(() -> null); // the UI thread has finished showing the studies
        return viewer;
    }

    /** Counts down once the UI thread has dealt with the frame's arrival (its listener was told before this one). */
    private CountDownLatch shownOnUi(StackImage image) {
        CountDownLatch decoded = new CountDownLatch(1);
        loader.addListener(key -> {
            if (key.equals(image.key())) {
                decoded.countDown();
            }
        });
        if (loader.cached(image) != null) {
            decoded.countDown(); // decoded before anyone listened
        }
        return decoded;
    }

    private void awaitUi(CountDownLatch decoded) throws Exception {
        WatchedDecoder.await(decoded);
        tasks.onUi(() -> null);
    }

    @Test
    void theFirstImageOfASeriesIsShownBeforeTheRestOfTheSeriesIsDecoded() throws Exception {
        WatchedDecoder decoder = new WatchedDecoder().gateEverything();
        ViewerViewModel v = openHead(decoder);
        ImageSeries series = tasks.onUi(() -> v.active().seriesProperty().get());
        StackImage first = series.images().get(0);
        AtomicInteger decodedBefore = new AtomicInteger(-1);
        CountDownLatch firstDecoded = new CountDownLatch(1);
        loader.addListener(key -> {
            if (key.equals(first.key())) {
                decodedBefore.set(loader.loadedCount(series.images()) - 1);
                firstDecoded.countDown();
            }
        });
        // Queued by now: the thumbnails' pictures, both series whole, the viewport's neighbours, its first image.
        decoder.openGate();
        awaitUi(firstDecoded);
        assertThat(tasks.onUi(() -> v.active().imageProperty().get())).isNotNull();
        assertThat(tasks.onUi(() -> v.active().bottomLeftProperty().get())).startsWith("Im 1/24");
        assertThat(decodedBefore.get()).as("images of the series decoded before the first: only the one"
                + " already being decoded for the thumbnail").isLessThanOrEqualTo(1);
    }

    @Test
    void whileTheNextImageDecodesTheOverlayAndMeasurementsStayWithThePictureShown() throws Exception {
        StackImage sixth = scenario.workstation.viewer().studies().forRequest(head.id()).get(0).series().get(0).images()
                .get(5);
        WatchedDecoder decoder = new WatchedDecoder().gate(sixth.file());
        ViewerViewModel v = openHead(decoder);
        ViewportViewModel viewport = tasks.onUi(v::active);
        StackImage first = tasks.onUi(viewport::current);
        awaitUi(shownOnUi(first));
        decoder.awaitHeldAtGate(); // the prefetch has reached image 6, which takes its time

        CountDownLatch sixthShown = shownOnUi(sixth);
        tasks.onUi(() -> {
            viewport.goTo(5);
            return null;
        });
        assertThat(tasks.onUi(() -> viewport.bottomLeftProperty().get())).as("the number of the picture on screen")
                .startsWith("Im 1/24");
        assertThat(tasks.onUi(viewport::shownIndex)).isZero();

        CountDownLatch saved = new CountDownLatch(1);
        tasks.onUi(() -> {
            viewport.measurementsShown().addListener((ListChangeListener<Measurement>) c -> saved.countDown());
            viewport.addDistance(50, 128, 150, 128);
            return null;
        });
        WatchedDecoder.await(saved);
        Measurement distance = tasks.onUi(() -> viewport.measurementsShown().get(0));
        assertThat(distance.isOn(first.key())).as("measured on the image it was drawn on").isTrue();

        decoder.openGate();
        awaitUi(sixthShown);
        assertThat(tasks.onUi(() -> viewport.bottomLeftProperty().get())).startsWith("Im 6/24");
        assertThat(tasks.onUi(() -> List.copyOf(viewport.measurementsShown()))).isEmpty();
    }
}
