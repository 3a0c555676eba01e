package org.lightbox.app;

import java.util.function.Consumer;
import org.lightbox.domain.DomainException;
import org.lightbox.store.StoreException;
import org.lightbox.sync.CentralStoreException;
import picocli.CommandLine;

/**
 * Entry point of {@code lightbox.jar}. Deliberately not a JavaFX Application: a shaded jar whose
 * main class extends Application refuses to start without JavaFX on the module path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Until the window offers its dialog, an error no code caught is at least logged with its stack.
        Thread.setDefaultUncaughtExceptionHandler(UncaughtErrors.logOnly());
        System.exit(run(args, new DesktopWindow(), LogFiles::writeInto, RememberedDataFolder.ofThisUser()));
    }

    /** As a test runs it: the log stays where the test's logging configuration puts it. */
    static int run(String[] args, LightboxCommand.WindowLauncher window) {
        return run(args, window, folder -> { }, RememberedDataFolder.ofThisUser());
    }

    /** @param logs where a headless command's log goes, once its data folder is known */
    static int run(String[] args, LightboxCommand.WindowLauncher window, Consumer<DataFolder> logs,
            RememberedDataFolder remembered) {
        try (WorkstationSession session = new WorkstationSession(Workstation::open, remembered)) {
            CommandLine cli = new CommandLine(new LightboxCommand(session, window), new CommandFactory(session));
            cli.setExecutionStrategy(parsed -> {
                // The data folder is known only now that the arguments are parsed; help and version need no log, and the
                // window starts its own once it knows the folder is set up (Cancel in the assistant leaves nothing behind).
                boolean help = parsed.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
                if (!help && parsed.hasSubcommand()) {
                    logs.accept(session.folder());
                }
                return new CommandLine.RunLast().execute(parsed);
            });
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                if (e instanceof DomainException || e instanceof StoreException || e instanceof CentralStoreException) {
                    // A refusal, a store problem or a central store that cannot be reached or refuses (wrong
                    // password, application id) is for the user to act on: the message, not a stack trace.
                    commandLine.getErr().println("lightbox: " + e.getMessage());
                    return 2;
                }
                throw e;
            });
            return cli.execute(args);
        }
    }
}
