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
import org.lightbox.viewer.testing.WatchedDecoder;

/** The decode threads, observed through their listener with latches: what is asked for first comes first. */
class FrameLoaderTest {
    private static final Path HEAD = Path.of("sample-dicom/DEMO0001-ct-head/series-1").toAbsolutePath();
    private static final Path PRIOR = Path.of("sample-dicom/DEMO0000-ct-head-prior/series-1").toAbsolutePath();
    private static final Path CINE = Path.of("sample-dicom/DEMO0005-us-abdomen/series-1/IM0001.dcm").toAbsolutePath();
    /** What a 256x256 16-bit CT frame of the demo studies takes in the cache. */
    private static final long CT_FRAME = HeapFootprint.of(2L * 256 * 256 + 64);

    @TempDir
    Path dir;

    private final AtomicBoolean idle = new AtomicBoolean(false);
    private final FrameCache cache = new FrameCache(64L * 1024 * 1024);
    private final FrameLoader loader = new FrameLoader(new FrameDecoder(), cache, 1, idle::get);

    private final List<FrameLoader> others = new ArrayList<>();

    @AfterEach
    void stop() {
        loader.close();
        others.forEach(FrameLoader::close);
    }

    private FrameLoader loader(FrameLoader.Decoder decoder, long budget, int threads) {
        FrameLoader other = new FrameLoader(decoder, new FrameCache(budget), threads, idle::get);
        others.add(other);
        return other;
    }

    private static List<StackImage> stack(List<Path> files) {
        return stack("1.2.826.0.1.", files);
    }

    private static List<StackImage> stack(String uidPrefix, List<Path> files) {
        List<StackImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            images.add(new StackImage(uidPrefix + i, 0, 1, i + 1, (double) i * 5, new double[] {1, 1},
                    files.get(i), 256, 256));
        }
        return images;
    }

    /** The 20 frames of the demo ultrasound cine, one instance. */
    private static List<StackImage> cine() {
        List<StackImage> frames = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            frames.add(new StackImage("1.2.826.0.2.1", f, 20, 1, null, null, CINE, 240, 320));
        }
        return frames;
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

    @Test
    void aViewportRequestOvertakesPrefetchAlreadyQueued() {
        WatchedDecoder decoder = new WatchedDecoder().gateEverything();
        FrameLoader one = loader(decoder, 64L * 1024 * 1024, 1);
        List<StackImage> images = stack(StoredStudies.filesUnder(HEAD));
        List<FrameKey> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch shown = new CountDownLatch(1);
        one.addListener(key -> {
            order.add(key);
            if (key.equals(images.get(17).key())) {
                shown.countDown();
            }
        });
        one.prefetch(images, LoadPriority.OPEN_SERIES, 0);
        decoder.awaitStarted(); // the decode thread is busy with the prefetch's first image
        one.request(images.get(17));
        decoder.openGate();
        WatchedDecoder.await(shown);
        assertThat(order).as("the requested image right after the one being decoded").startsWith(
                images.get(0).key(), images.get(17).key());
    }

    @Test
    void aStudyLargerThanTheCacheIsDecodedOnceNotEvictedAndReDecodedForever() {
        WatchedDecoder decoder = new WatchedDecoder().gateEverything();
        long budget = 10 * CT_FRAME;
        FrameLoader two = loader(decoder, budget, 2);
        List<StackImage> head = stack("1.2.826.0.3.", StoredStudies.filesUnder(HEAD));
        List<StackImage> prior = stack("1.2.826.0.4.", StoredStudies.filesUnder(PRIOR));
        CountDownLatch firstPass = decoder.caughtUpAfter(two, 0);
        // The viewer opens a study so: every series (and the prior) for its thumbnail, the viewport's stack around its slice.
        two.prefetch(head, LoadPriority.OPEN_SERIES, 0);
        two.prefetch(prior, LoadPriority.OPEN_SERIES, 0);
        StackPrefetch viewport = two.prefetch(head, LoadPriority.AROUND_CURRENT, 12);
        decoder.openGate();
        WatchedDecoder.await(firstPass);
        assertThat(decoder.anyFileDecodedTwice()).as("a file decoded twice").isFalse();
        assertThat(two.cache().usedBytes()).isLessThanOrEqualTo(budget);
        // Ten frames fit; three quarters of them go around the current slice, 12 +- 3.
        for (int i = 9; i <= 15; i++) {
            assertThat(two.cache().contains(head.get(i).key())).as("slice %d near the current one", i).isTrue();
        }

        int decodedSoFar = decoder.totalDecodes();
        CountDownLatch afterScroll = decoder.caughtUpAfter(two, decodedSoFar);
        viewport.focus(20);
        WatchedDecoder.await(afterScroll);
        for (int i = 17; i <= 23; i++) {
            assertThat(two.cache().contains(head.get(i).key())).as("slice %d near the new one", i).isTrue();
        }
        assertThat(decoder.totalDecodes()).as("only the new neighbours were decoded").isEqualTo(decodedSoFar + 7);
        assertThat(decoder.anyFileDecodedTwice()).as("a file decoded twice").isFalse();
        assertThat(two.cache().usedBytes()).isLessThanOrEqualTo(budget);
    }

    @Test
    void aMultiFrameFileIsDecodedByOneThreadAtATime() {
        WatchedDecoder decoder = new WatchedDecoder().gate(CINE);
        FrameLoader two = loader(decoder, 64L * 1024 * 1024, 2);
        List<StackImage> cine = cine();
        StackImage other = stack(StoredStudies.filesUnder(HEAD)).get(0);
        CountDownLatch otherDone = new CountDownLatch(1);
        CountDownLatch fifthDone = new CountDownLatch(1);
        two.addListener(key -> {
            if (key.equals(other.key())) {
                otherDone.countDown();
            } else if (key.equals(cine.get(5).key())) {
                fifthDone.countDown();
            }
        });
        two.request(cine.get(0));
        decoder.awaitStarted(); // one thread is inside the cine
        List<StackImage> stack = new ArrayList<>(cine);
        stack.add(other);
        // The free thread looks at frames 5, 6, 4... of the file being decoded first, the CT image last.
        two.prefetch(stack, LoadPriority.AROUND_CURRENT, 5);
        WatchedDecoder.await(otherDone);
        assertThat(decoder.decodesOf(CINE)).as("the free thread left the cine to the one decoding it").isEqualTo(1);
        decoder.openGate();
        WatchedDecoder.await(fifthDone);
        assertThat(decoder.decodesOf(CINE)).isEqualTo(1);
        assertThat(decoder.mostDecodesOfOneFileAtOnce()).isEqualTo(1);
    }

    @Test
    void aLongMultiFrameFileIsDecodedAWindowOfFramesAtATimeWithinTheBudget() {
        WatchedDecoder decoder = new WatchedDecoder();
        long budget = 20 * HeapFootprint.of(cine().get(0).estimatedBytes()); // a quarter of it: 5 frames a decode
        FrameLoader synchronous = loader(decoder, budget, 0);
        List<StackImage> cine = cine();
        assertThat(synchronous.load(cine.get(10))).isInstanceOf(FrameResult.Ready.class);
        assertThat(decoder.framesAskedFor()).containsExactly(5);
        for (int f = 0; f < 20; f++) {
            assertThat(synchronous.cache().contains(cine.get(f).key())).as("frame %d", f).isEqualTo(f >= 8 && f <= 12);
        }
        assertThat(synchronous.cache().usedBytes()).isLessThanOrEqualTo(budget);
    }
}
