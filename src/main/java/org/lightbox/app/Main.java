package org.lightbox.app;

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
        System.exit(run(args, new DesktopWindow()));
    }

    static int run(String[] args, LightboxCommand.WindowLauncher window) {
        try (WorkstationSession session = new WorkstationSession(Workstation::open)) {
            CommandLine cli = new CommandLine(new LightboxCommand(session, window), new CommandFactory(session));
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
