package org.lightbox.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for the real window to get somewhere, naming where when it does not. */
public final class WindowWait {
    private WindowWait() {
    }

    public static void until(BooleanSupplier condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("The window did not get there in 15 s: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
