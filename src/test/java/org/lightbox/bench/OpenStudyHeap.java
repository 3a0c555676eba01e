package org.lightbox.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.CacheBudget;
import org.lightbox.viewer.FrameCache;
import org.lightbox.viewer.FrameLoader;
import org.lightbox.viewer.LoadPriority;
import org.lightbox.viewer.StackImage;
import org.lightbox.viewer.StackPrefetch;
import org.lightbox.viewer.ViewerSettings;

/**
 * The heap with a 1,000-image 512x512 CT open and scrolled through end to end, with the frame cache
 * sized as the workstation sizes it for this JVM and prefetch running as the viewer runs it (the
 * whole series for its thumbnail, the viewport around its slice). Memory is not what JMH measures,
 * so this is a bench command: {@code packaging/dev/bench heap [slices]}, on the JVM's default heap
 * like the workstation. Target: at most 1 GB.
 */
public final class OpenStudyHeap {
    private OpenStudyHeap() {
    }

    public static void main(String[] args) throws InterruptedException {
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (BenchCt ct = BenchCt.create(slices, false)) {
            List<StackImage> stack = ct.series().images();
            FrameCache cache = new FrameCache(CacheBudget.forThisJvm(ViewerSettings.DEFAULTS.cacheMegabytes()));
            try (FrameLoader loader = new FrameLoader(new FrameDecoder(), cache, FrameLoader.defaultThreads(0), () -> false);
                 StackPrefetch thumbnail = loader.prefetch(stack, LoadPriority.OPEN_SERIES, 0);
                 StackPrefetch prefetch = loader.prefetch(stack, LoadPriority.AROUND_CURRENT, 0)) {
                for (int i = 0; i < stack.size(); i++) {
                    prefetch.focus(i);
                    StackImage image = stack.get(i);
                    cache.pin(image.key());
                    waitFor(loader, image);
                    cache.unpin(image.key());
                }
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                long max = Runtime.getRuntime().maxMemory();
                System.out.printf(Locale.ROOT, "%d images of 512x512 open and scrolled through%n", stack.size());
                System.out.printf(Locale.ROOT, "max heap %d MB, frame cache budget %d MB, %d frames cached (%d MB)%n",
                        max >> 20, cache.budgetBytes() >> 20, cache.size(), cache.usedBytes() >> 20);
                System.out.printf(Locale.ROOT, "heap used after GC: %d MB (target <= 1024 MB)%n", used >> 20);
            }
        }
    }

    private static void waitFor(FrameLoader loader, StackImage image) throws InterruptedException {
        if (loader.cached(image) != null) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        FrameLoader.Listener listener = key -> {
            if (key.equals(image.key())) {
                ready.countDown();
            }
        };
        loader.addListener(listener);
        if (loader.cached(image) == null) {
            loader.request(image);
            ready.await(30, TimeUnit.SECONDS);
        }
        loader.removeListener(listener);
    }
}
