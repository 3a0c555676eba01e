package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;

class FrameCacheTest {
    private static final Greyscale GREY = new Greyscale(false, false, 12, 1, 0, null, "", List.of(), List.of(), "", null, null);

    private static GreyFrame frame() {
        return new GreyFrame(10, 10, new short[100], GREY); // 264 bytes
    }

    private static FrameKey key(int n) {
        return new FrameKey("1.2.3." + n, 0);
    }

    @Test
    void theLeastRecentlyUsedFrameGoesWhenTheBudgetIsFull() {
        FrameCache cache = new FrameCache(3 * frame().bytes());
        cache.put(key(1), frame());
        cache.put(key(2), frame());
        cache.put(key(3), frame());
        cache.get(key(1));
        cache.put(key(4), frame());
        assertThat(cache.contains(key(2))).isFalse();
        assertThat(cache.contains(key(1))).isTrue();
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(cache.budgetBytes());
    }

    @Test
    void aPinnedFrameOnScreenIsNeverEvicted() {
        FrameCache cache = new FrameCache(2 * frame().bytes());
        cache.put(key(1), frame());
        cache.pin(key(1));
        for (int i = 2; i < 10; i++) {
            cache.put(key(i), frame());
        }
        assertThat(cache.contains(key(1))).isTrue();
        cache.unpin(key(1));
        cache.put(key(10), frame());
        cache.put(key(11), frame());
        assertThat(cache.contains(key(1))).isFalse();
    }

    @Test
    void speculativeWorkCanAskWhetherAFrameFitsWithoutEvicting() {
        FrameCache cache = new FrameCache(2 * frame().bytes());
        cache.put(key(1), frame());
        assertThat(cache.hasRoomFor(frame().bytes())).isTrue();
        cache.put(key(2), frame());
        assertThat(cache.hasRoomFor(frame().bytes())).isFalse();
    }

    @Test
    void prefetchMakesRoomOnlyByEvictingFramesLessWantedThanItsOwn() {
        FrameCache cache = new FrameCache(2 * frame().bytes());
        cache.put(key(1), frame()); // wanted around a current slice (rank 3)
        cache.put(key(2), frame()); // wanted by nothing open any more
        java.util.function.ToIntFunction<FrameKey> wanted = k -> k.equals(key(1)) ? 3 : FrameCache.UNWANTED;
        assertThat(cache.admit(key(3), frame(), wanted, 2, false)).as("an open series' frame evicts the unwanted one").isTrue();
        assertThat(cache.contains(key(2))).isFalse();
        assertThat(cache.admit(key(4), frame(), k -> k.equals(key(1)) ? 3 : 2, 2, false))
                .as("but not one wanted as much as its own, nor one wanted more").isFalse();
        assertThat(cache.contains(key(1))).isTrue();
        assertThat(cache.contains(key(3))).isTrue();
        assertThat(cache.contains(key(4))).isFalse();
    }

    @Test
    void theDefaultBudgetIsFortyPercentOfTheHeapAtMostSevenHundredSixtyEightMegabytes() {
        long mb = CacheBudget.MEGABYTE;
        assertThat(CacheBudget.bytes(0, 1000 * mb)).isEqualTo(400 * mb);
        assertThat(CacheBudget.bytes(0, 8000 * mb)).isEqualTo(768 * mb);
        assertThat(CacheBudget.bytes(2000, 8000 * mb)).as("configured").isEqualTo(2000 * mb);
        assertThat(CacheBudget.bytes(5000, 1000 * mb)).as("never more than 80% of the heap").isEqualTo(800 * mb);
    }
}
