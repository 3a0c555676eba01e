package org.lightbox.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;
import org.lightbox.viewer.FrameRenderer;
import org.lightbox.viewer.GreyPresentation;
import org.lightbox.viewer.WindowLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window/level of one cached 512x512 16-bit frame: every invocation is a new window (as during a
 * mouse drag), so the lookup table is rebuilt and applied each time. Target: at most 2 ms.
 * {@code bits} 12 is a CT (4,096-entry table), 16 the worst case (65,536 entries, signed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WindowLevelBenchmark {
    @Param({"12", "16"})
    int bits;

    private GreyFrame frame;
    private final FrameRenderer renderer = new FrameRenderer();
    private final int[] target = new int[512 * 512];
    private int step;

    @Setup
    public void frame() {
        boolean signed = bits == 16;
        Greyscale greyscale = new Greyscale(false, signed, bits, 1, signed ? 0 : -1024, null, "", List.of(), List.of(),
                "", null, null);
        short[] samples = new short[512 * 512];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (signed ? random.nextInt(-2000, 3000) : random.nextInt(0, 4096));
        }
        frame = new GreyFrame(512, 512, samples, greyscale);
    }

    @Benchmark
    public int[] newWindowOnACachedFrame() {
        step = (step + 1) % 200;
        renderer.render(frame, GreyPresentation.window(new WindowLevel(40 + step, 400 + 2 * step)), target);
        return target;
    }
}
