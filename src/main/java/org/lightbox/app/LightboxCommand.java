package org.lightbox.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lightbox.audit.AuditCommand;
import org.lightbox.dicom.sample.SampleDicomCommand;
import org.lightbox.report.cli.ReportCommand;
import org.lightbox.ingest.ImportCommand;
import org.lightbox.ingest.ListenCommand;
import org.lightbox.ingest.pacs.PacsCommand;
import org.lightbox.sync.CentralStoreCommand;
import org.lightbox.sync.SyncCommand;
import org.lightbox.viewer.RenderCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code lightbox}: with no subcommand it opens the workstation window; subcommands run headless. */
@Command(name = "lightbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lightbox radiology workstation. Without a command, opens the workstation window.",
                "On a data folder without accounts the window first opens the first-run assistant (data folder,"
                        + " this workstation's AE title and port, central store, institution, first administrator);"
                        + " with --demo it creates demo accounts and demo studies instead.",
                "The log is in the data folder's logs/."},
        subcommands = {ImportCommand.class, ListenCommand.class, PacsCommand.class, RenderCommand.class, ReportCommand.class,
                SyncCommand.class, CentralStoreCommand.class, AuditCommand.class, SampleDicomCommand.class})
final class LightboxCommand implements Callable<Integer> {
    private final WorkstationSession session;
    private final WindowLauncher window;

    @Spec
    private CommandSpec spec;

    @Option(names = "--demo", description = "On a data folder without accounts, skip the assistant: create the demo accounts"
            + " admin, radiologist and technologist with generated passwords (printed once, and kept in"
            + " initial-passwords.txt) and load the demo requests and studies. For trying Lightbox out;"
            + " packaging/dev/run passes it.")
    private boolean demo;

    @Option(names = "--no-demo-data", description = "With --demo: the demo accounts, without the demo requests and studies.")
    private boolean noDemoData;

    LightboxCommand(WorkstationSession session, WindowLauncher window) {
        this.session = session;
        this.window = window;
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The workstation's data folder (default: the one the first-run assistant chose, else"
                    + " ~/.local/share/lightbox on Linux).")
    void dataDir(Path dir) {
        session.dataDir(dir);
    }

    @Override
    public Integer call() {
        if (noDemoData && !demo) {
            throw new ParameterException(spec.commandLine(), "--no-demo-data belongs to a demo start: use --demo --no-demo-data"
                    + " (without --demo a fresh data folder gets the first-run assistant and no demo data anyway)");
        }
        return window.open(session, !demo ? FirstStart.ASSISTANT : noDemoData ? FirstStart.DEMO_ACCOUNTS_ONLY : FirstStart.DEMO);
    }

    /** Opens the window and returns when it closes; the seam that keeps JavaFX out of command-line tests. */
    interface WindowLauncher {
        int open(WorkstationSession session, FirstStart firstStart);
    }
}
