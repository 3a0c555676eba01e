package org.lightbox.app;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Icons;
import org.lightbox.ui.StartupTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the workstation window on the desktop and waits until the user closes it. */
final class DesktopWindow implements LightboxCommand.WindowLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopWindow.class);

    @Override
    public int open(WorkstationSession session, FirstStart firstStart) {
        // JavaFX starts while the data folder opens: each costs a few hundred milliseconds of a cold start.
        CompletableFuture<Boolean> folderOpen = CompletableFuture.supplyAsync(() -> openFolder(session, firstStart),
                runnable -> new Thread(runnable, "open-data-folder").start());
        AtomicLong javaFxStarted = new AtomicLong();
        try {
            Platform.startup(() -> javaFxStarted.set(StartupTimes.now()));
        } catch (RuntimeException e) {
            awaitFolder(folderOpen); // its problem comes first; and a demo folder half seeded would look set up next time
            System.err.println("lightbox: cannot open the window (" + e.getMessage() + "). Is there a display?"
                    + " Headless commands work without one: lightbox --help");
            LOG.error("JavaFX did not start", e);
            return 1;
        }
        boolean setUp;
        try {
            setUp = awaitFolder(folderOpen); // waited for here, not on the FX thread
        } catch (RuntimeException e) {
            Platform.exit();
            throw e;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            StartupTimes.reached("JavaFX started", javaFxStarted.get()); // now that the log is in the data folder
            show(session, setUp, closed);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Opens the data folder (database, migrations) and, on a demo start of a folder without
     * accounts, creates them and the demo data; returns whether the shell can show, else the
     * first-run assistant comes first.
     */
    private static boolean openFolder(WorkstationSession session, FirstStart firstStart) {
        boolean setUp = session.isSetUp();
        if (setUp || firstStart != FirstStart.ASSISTANT) {
            LogFiles.writeInto(session.folder());
        }
        StartupTimes.reached("data folder open");
        if (!setUp && firstStart != FirstStart.ASSISTANT) {
            Workstation workstation = session.workstation();
            new FirstRun(workstation.users(), workstation.folder(), System.out).createAccountsIfNone();
            if (firstStart == FirstStart.DEMO) {
                new DemoData(workstation).seed();
            }
            setUp = true;
        }
        return setUp;
    }

    /**
     * Waits for the data folder; a folder that did not open is the command line's to report, with its exit code.
     *
     * @return whether the shell can show, else the first-run assistant comes first
     */
    private static boolean awaitFolder(CompletableFuture<Boolean> folderOpen) {
        try {
            return folderOpen.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void show(WorkstationSession session, boolean setUp, CountDownLatch closed) {
        FxTaskExecutor tasks = new FxTaskExecutor();
        Stage stage = new Stage();
        WorkstationWindow window = new WorkstationWindow(session, tasks, setUp, LogFiles::writeInto, stage::close);
        // From now on an error no code caught is also told to the user, over this window.
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrors(
                new ErrorDialog(() -> stage, () -> session.folder().logs().resolve(LogFiles.FILE_NAME)), Clock.systemDefaultZone()));
        stage.setTitle("Lightbox");
        stage.getIcons().setAll(Icons.application());
        stage.setScene(new Scene(window, 1500, 920));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setOnHidden(e -> {
            window.close();
            tasks.shutdown();
            Platform.exit();
            closed.countDown();
        });
        stage.show();
        StartupTimes.reached("window shown");
    }
}
