package org.lightbox.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.FrameCache;
import org.lightbox.viewer.FrameLoader;
import org.lightbox.viewer.FrameRenderer;
import org.lightbox.viewer.FrameResult;
import org.lightbox.viewer.ImageStudy;
import org.lightbox.viewer.InitialPresentation;
import org.lightbox.viewer.RenderedImage;
import org.lightbox.viewer.StackImage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From "open this request" to its first image rendered, for a 300-slice 512x512 CT in the local
 * store: the store query for the request's studies, series and instances, the decode of the
 * first slice into an empty cache, and its render. Target: at most 150 ms. Each measurement
 * starts with an empty frame cache (the files may be in the OS page cache, as on a workstation
 * that received the study minutes ago).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 30)
@Fork(1)
public class FirstImageBenchmark {
    @Param({"explicit-little-endian", "jpeg-lossless"})
    String encoding;

    private BenchCt ct;
    private FrameLoader loader;

    @Setup(Level.Trial)
    public void storeTheStudy() {
        ct = BenchCt.create(300, encoding.equals("jpeg-lossless"));
    }

    @Setup(Level.Invocation)
    public void emptyCache() {
        loader = new FrameLoader(new FrameDecoder(), new FrameCache(512L * 1024 * 1024), 0, () -> false);
    }

    @Benchmark
    public RenderedImage firstImage() {
        List<ImageStudy> studies = ct.scenario.workstation.viewer().studies().forRequest(ct.request.id());
        StackImage first = studies.get(0).series().get(0).images().get(0);
        FrameResult result = loader.load(first);
        if (!(result instanceof FrameResult.Ready ready)) {
            throw new IllegalStateException(result.toString());
        }
        return new FrameRenderer().render(ready.frame(), InitialPresentation.of(ready.frame()));
    }

    @TearDown(Level.Trial)
    public void removeTheStudy() {
        ct.close();
    }
}
