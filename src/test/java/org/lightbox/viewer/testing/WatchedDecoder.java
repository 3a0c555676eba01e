package org.lightbox.viewer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lightbox.dicom.DecodedImage;
import org.lightbox.dicom.DicomReadException;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.viewer.FrameLoader;

/**
 * The real decoder, watched: it counts how often each file is decoded, how many decodes of one
 * file run at once, and how many frames each decode was asked for; decodes of gated files (or of
 * every file) wait until the test opens the gate.
 */
public final class WatchedDecoder implements FrameLoader.Decoder {
    private final FrameDecoder real = new FrameDecoder();
    private final Map<Path, AtomicInteger> decodes = new ConcurrentHashMap<>();
    private final Map<Path, AtomicInteger> running = new ConcurrentHashMap<>();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Integer> framesAskedFor = Collections.synchronizedList(new ArrayList<>());
    private final Set<Path> gated = ConcurrentHashMap.newKeySet();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch gatedStarted = new CountDownLatch(1);
    private volatile boolean gateEverything;

    @Override
    public DecodedImage decode(Path file, int first, int count) throws DicomReadException {
        decodes.computeIfAbsent(file, f -> new AtomicInteger()).incrementAndGet();
        framesAskedFor.add(count);
        AtomicInteger now = running.computeIfAbsent(file, f -> new AtomicInteger());
        mostAtOnce.accumulateAndGet(now.incrementAndGet(), Math::max);
        try {
            started.countDown();
            if (gateEverything || gated.contains(file)) {
                gatedStarted.countDown();
                await(gate);
            }
            return real.decode(file, first, count);
        } finally {
            now.decrementAndGet();
        }
    }

    /** Decodes of this file wait for {@link #openGate()}. */
    public WatchedDecoder gate(Path file) {
        gated.add(file);
        return this;
    }

    /** Every decode waits for {@link #openGate()}. */
    public WatchedDecoder gateEverything() {
        gateEverything = true;
        return this;
    }

    public void openGate() {
        gate.countDown();
    }

    /** Waits until a decode has begun. */
    public void awaitStarted() {
        await(started);
    }

    /** Waits until a decode is held at the gate. */
    public void awaitHeldAtGate() {
        await(gatedStarted);
    }

    public int decodesOf(Path file) {
        AtomicInteger n = decodes.get(file);
        return n == null ? 0 : n.get();
    }

    public int totalDecodes() {
        return decodes.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Whether some file was decoded more than once. */
    public boolean anyFileDecodedTwice() {
        return decodes.values().stream().anyMatch(n -> n.get() > 1);
    }

    /** The most decodes of one file that ran at the same time. */
    public int mostDecodesOfOneFileAtOnce() {
        return mostAtOnce.get();
    }

    public List<Integer> framesAskedFor() {
        synchronized (framesAskedFor) {
            return List.copyOf(framesAskedFor);
        }
    }

    /** Waits for a latch; a test fails rather than hangs when what it waits for never comes. */
    public static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).as("what the test waited for happened").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Counts down when the loader has run out of work after more than {@code after} decodes in all. */
    public CountDownLatch caughtUpAfter(FrameLoader loader, int after) {
        CountDownLatch done = new CountDownLatch(1);
        loader.addListener(new FrameLoader.Listener() {
            @Override
            public void frameLoaded(org.lightbox.viewer.FrameKey key) {
            }

            @Override
            public void caughtUp() {
                if (totalDecodes() > after) {
                    done.countDown();
                }
            }
        });
        return done;
    }
}
