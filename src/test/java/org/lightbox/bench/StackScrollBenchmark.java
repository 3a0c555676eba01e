package org.lightbox.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.FrameCache;
import org.lightbox.viewer.FrameKey;
import org.lightbox.viewer.FrameLoader;
import org.lightbox.viewer.FrameRenderer;
import org.lightbox.viewer.FrameResult;
import org.lightbox.viewer.GreyPresentation;
import org.lightbox.viewer.LoadPriority;
import org.lightbox.viewer.StackImage;
import org.lightbox.viewer.StackPrefetch;
import org.lightbox.viewer.WindowLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scrolling through all 300 slices of a 512x512 CT as fast as images can be shown, with the
 * viewer's decode threads and prefetch running, as the viewport does it: move the prefetch focus,
 * take the frame from the cache or ask for it and wait, render it. The score is milliseconds per
 * image shown; frames per second = 1000 / score. Target: at least 60 frames/s.
 *
 * <p>{@code cache} "cold": every pass starts with an empty cache, so prefetch must keep ahead of
 * the scroll (the first pass through a study just opened). "warm": the study has been prefetched
 * (it was opened a moment ago, or idle prefetch decoded it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class StackScrollBenchmark {
    private static final int SLICES = 300;

    @Param({"explicit-little-endian", "jpeg-lossless"})
    String encoding;

    @Param({"cold", "warm"})
    String cache;

    /** Decode threads; 0 is the workstation's default (cores - 1, at least 1, at most 4). */
    @Param({"0"})
    int threads;

    private BenchCt ct;
    private List<StackImage> stack;
    private FrameLoader loader;
    private StackPrefetch prefetch;
    private final int[] target = new int[512 * 512];
    private final FrameRenderer renderer = new FrameRenderer();

    @Setup(Level.Trial)
    public void storeTheStudy() {
        ct = BenchCt.create(SLICES, encoding.equals("jpeg-lossless"));
        stack = ct.series().images();
    }

    @Setup(Level.Iteration)
    public void openTheSeries() throws InterruptedException {
        loader = new FrameLoader(new FrameDecoder(), new FrameCache(512L * 1024 * 1024),
                FrameLoader.defaultThreads(threads), () -> false);
        prefetch = loader.prefetch(stack, LoadPriority.AROUND_CURRENT, 0);
        if (cache.equals("warm")) {
            for (StackImage image : stack) {
                shown(image);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SLICES)
    public int[] scrollThroughTheStack() throws InterruptedException {
        if (cache.equals("cold")) {
            loader.cache().clear();
        }
        for (int i = 0; i < stack.size(); i++) {
            prefetch.focus(i);
            renderer.render(shown(stack.get(i)), GreyPresentation.window(new WindowLevel(40, 400)), target);
        }
        return target;
    }

    private org.lightbox.dicom.RawFrame shown(StackImage image) throws InterruptedException {
        FrameResult result = loader.cached(image);
        if (result == null) {
            CountDownLatch ready = new CountDownLatch(1);
            FrameKey key = image.key();
            FrameLoader.Listener listener = loaded -> {
                if (loaded.equals(key)) {
                    ready.countDown();
                }
            };
            loader.addListener(listener);
            try {
                if (loader.cached(image) == null) {
                    loader.request(image);
                    ready.await(10, TimeUnit.SECONDS);
                }
            } finally {
                loader.removeListener(listener);
            }
            result = loader.cached(image);
        }
        if (!(result instanceof FrameResult.Ready frame)) {
            throw new IllegalStateException("slice not shown: " + result);
        }
        return frame.frame();
    }

    @TearDown(Level.Iteration)
    public void closeTheSeries() {
        prefetch.close();
        loader.close();
    }

    @TearDown(Level.Trial)
    public void removeTheStudy() {
        ct.close();
    }
}
