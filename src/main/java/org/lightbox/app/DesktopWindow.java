package org.lightbox.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
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
        boolean showShell = setUp;
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> show(session, showShell, closed));
        } catch (RuntimeException e) {
            System.err.println("lightbox: cannot open the window (" + e.getMessage() + "). Is there a display?"
                    + " Headless commands work without one: lightbox --help");
            LOG.error("JavaFX did not start", e);
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void show(WorkstationSession session, boolean setUp, CountDownLatch closed) {
        StartupTimes.reached("JavaFX started");
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
