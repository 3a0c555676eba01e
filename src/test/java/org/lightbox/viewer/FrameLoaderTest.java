package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.testing.StoredStudies;

/** The decode threads, observed through their listener with latches: what is asked for first comes first. */
class FrameLoaderTest {
    private static final Path HEAD = Path.of("sample-dicom/DEMO0001-ct-head/series-1").toAbsolutePath();

    @TempDir
    Path dir;

    private final AtomicBoolean idle = new AtomicBoolean(false);
    private final FrameCache cache = new FrameCache(64L * 1024 * 1024);
    private final FrameLoader loader = new FrameLoader(new FrameDecoder(), cache, 1, idle::get);

    @AfterEach
    void stop() {
        loader.close();
    }

    private static List<StackImage> stack(List<Path> files) {
        List<StackImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            images.add(new StackImage("1.2.826.0.1." + i, 0, 1, i + 1, (double) i * 5, new double[] {1, 1},
                    files.get(i), 256, 256));
        }
        return images;
    }

    private CountDownLatch await(List<StackImage> images, List<FrameKey> order) {
        CountDownLatch done = new CountDownLatch(images.size());
        List<FrameKey> wanted = images.stream().map(StackImage::key).toList();
        loader.addListener(key -> {
            if (wanted.contains(key)) {
                order.add(key);
                done.countDown();
            }
        });
        return done;
    }

    @Test
    void aRequestedFrameIsDecodedIntoTheCacheAndListenersAreTold() throws InterruptedException {
        List<StackImage> images = stack(StoredStudies.filesUnder(HEAD)).subList(0, 1);
        CountDownLatch done = await(images, Collections.synchronizedList(new ArrayList<>()));
        loader.request(images.get(0));
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(loader.cached(images.get(0))).isInstanceOf(FrameResult.Ready.class);
    }

    @Test
    void prefetchFillsTheStackNearestFirstAroundTheCurrentSlice() throws InterruptedException {
        List<StackImage> images = stack(StoredStudies.filesUnder(HEAD));
        List<FrameKey> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = await(images, order);
        loader.prefetch(images, LoadPriority.AROUND_CURRENT, 12);
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(loader.loadedCount(images)).isEqualTo(images.size());
        assertThat(order.subList(0, 3)).containsExactly(images.get(12).key(), images.get(13).key(), images.get(11).key());
    }

    @Test
    void aBrokenFrameIsReportedWithItsReasonAndTheRestOfTheSeriesLoads() throws Exception {
        List<Path> files = new ArrayList<>(StoredStudies.filesUnder(HEAD).subList(0, 4));
        byte[] bytes = Files.readAllBytes(files.get(1));
        files.set(1, Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(bytes, bytes.length - 2000)));
        List<StackImage> images = stack(files);
        CountDownLatch done = await(images, Collections.synchronizedList(new ArrayList<>()));
        loader.prefetch(images, LoadPriority.OPEN_SERIES, 0);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(loader.cached(images.get(1))).isInstanceOfSatisfying(FrameResult.Failed.class,
                failed -> assertThat(failed.message()).contains("truncated"));
        assertThat(loader.cached(images.get(2))).isInstanceOf(FrameResult.Ready.class);
    }

    @Test
    void worklistPrefetchWaitsUntilTheUserIsIdle() throws InterruptedException, IOException {
        List<StackImage> all = stack(StoredStudies.filesUnder(HEAD));
        List<StackImage> speculative = all.subList(0, 3);
        StackImage wanted = all.get(20);
        CountDownLatch wantedDone = await(List.of(wanted), new ArrayList<>());
        loader.prefetch(speculative, LoadPriority.IDLE, 0);
        loader.request(wanted);
        assertThat(wantedDone.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(loader.loadedCount(speculative)).as("nothing speculative while the user works").isZero();

        CountDownLatch speculativeDone = await(speculative, Collections.synchronizedList(new ArrayList<>()));
        idle.set(true);
        assertThat(speculativeDone.await(20, TimeUnit.SECONDS)).isTrue();
    }
}
