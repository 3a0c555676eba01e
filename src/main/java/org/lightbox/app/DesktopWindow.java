package org.lightbox.app;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lightbox.ui.FxTaskExecutor;
import org.lightbox.ui.Icons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the workstation window on the desktop and waits until the user closes it. */
final class DesktopWindow implements LightboxCommand.WindowLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopWindow.class);

    @Override
    public int open(WorkstationSession session, boolean seedDemoData) {
        Workstation workstation = session.workstation();
        if (new FirstRun(workstation.users(), workstation.folder(), System.out).createAccountsIfNone() && seedDemoData) {
            new DemoData(workstation).seed();
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> show(workstation, closed));
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

    private static void show(Workstation workstation, CountDownLatch closed) {
        FxTaskExecutor tasks = new FxTaskExecutor();
        ShellViewModel shell = new ShellViewModel(workstation, tasks);
        Stage stage = new Stage();
        stage.setTitle("Lightbox");
        stage.getIcons().setAll(Icons.application());
        stage.setScene(new Scene(new ShellView(shell, workstation.clock().getZone()), 1500, 920));
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        stage.setOnHidden(e -> {
            shell.close();
            tasks.shutdown();
            Platform.exit();
            closed.countDown();
        });
        stage.show();
    }
}
