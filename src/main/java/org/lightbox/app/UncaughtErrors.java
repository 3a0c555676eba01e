package org.lightbox.app;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler for errors no code caught, on any thread (the JavaFX thread included: it passes an
 * exception from an event handler here and carries on with the next event). Each is logged with its
 * stack and, while the window is open, told to the user through {@link Notices}; a repeat of the same
 * error within {@link RepeatedErrors#QUIET_PERIOD} is logged in one line and told to no one.
 */
final class UncaughtErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtErrors.class);

    private final Notices notices;
    private final RepeatedErrors repeats;

    UncaughtErrors(Notices notices, Clock clock) {
        this.notices = notices;
        this.repeats = new RepeatedErrors(clock);
    }

    /** For headless runs and the time before the window shows: the log is all there is. */
    static UncaughtErrors logOnly() {
        return new UncaughtErrors(new Notices() {
            @Override
            public void tell(ErrorNotice notice) {
            }
        }, Clock.systemUTC());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        try {
            int repeated = repeats.record(error);
            if (repeated == 0) {
                LOG.error("Uncaught error on thread {}", thread.getName(), error);
                notices.tell(ErrorNotice.of(error));
            } else {
                LOG.error("The same error again on thread {} (repeat {}, stack logged above): {}", thread.getName(), repeated,
                        error.toString());
                notices.again();
            }
        } catch (Throwable failed) {
            // Telling about the error failed too (out of memory, say): the terminal is the last place left.
            error.printStackTrace();
        }
    }

    /** How the window tells the user; it may be called from any thread. */
    interface Notices {
        void tell(ErrorNotice notice);

        /** The error told last (or another told before) happened again. */
        default void again() {
        }
    }
}
