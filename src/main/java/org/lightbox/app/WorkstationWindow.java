package org.lightbox.app;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import org.lightbox.setup.SetupAssistantView;
import org.lightbox.setup.SetupAssistantViewModel;
import org.lightbox.ui.Stylesheets;
import org.lightbox.ui.TaskExecutor;

/**
 * What the window shows over one session: on a data folder not set up yet the first-run assistant,
 * then (or straight away) the shell with its sign-in screen.
 */
final class WorkstationWindow extends StackPane {
    private final WorkstationSession session;
    private final TaskExecutor tasks;
    private ShellViewModel shell;

    /**
     * @param setUp whether the session's folder already has accounts (else the assistant comes first)
     * @param logs starts the log in the folder the assistant set up
     * @param quit closes the window: the assistant was cancelled
     */
    WorkstationWindow(WorkstationSession session, TaskExecutor tasks, boolean setUp, Consumer<DataFolder> logs, Runnable quit) {
        this.session = session;
        this.tasks = tasks;
        // The theme's colour names are defined on the scene's root, which this is.
        Stylesheets.theme(this);
        if (setUp) {
            showShell();
        } else {
            SetupAssistantView assistant = new SetupAssistantView(new SetupAssistantViewModel(new ChosenFolderSetup(session, logs),
                    tasks, session.folder().root(), !session.folderFromCommandLine(), this::showShell, quit));
            getChildren().setAll(assistant);
            // Once the window shows: before that the scene would give the keyboard to its first control anyway.
            Platform.runLater(assistant::focusFirstField);
        }
    }

    private void showShell() {
        Workstation workstation = session.workstation();
        shell = new ShellViewModel(workstation, tasks);
        getChildren().setAll(new ShellView(shell, workstation.clock().getZone()));
    }

    /** The window is closing: the shell signs out now, so its audit event is written before the process ends. */
    void close() {
        if (shell != null) {
            shell.close();
        }
    }
}
