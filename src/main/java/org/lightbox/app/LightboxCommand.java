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
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code lightbox}: with no subcommand it opens the workstation window; subcommands run headless. */
@Command(name = "lightbox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lightbox radiology workstation. Without a command, opens the workstation window.",
        subcommands = {ImportCommand.class, ListenCommand.class, PacsCommand.class, RenderCommand.class, ReportCommand.class,
                SyncCommand.class, CentralStoreCommand.class, AuditCommand.class, SampleDicomCommand.class})
final class LightboxCommand implements Callable<Integer> {
    private final WorkstationSession session;
    private final WindowLauncher window;

    @Option(names = "--no-demo-data", description = "On first start, do not load the demo requests and studies.")
    private boolean noDemoData;

    @Option(names = "--demo", description = "On first start, create the demo accounts with generated passwords"
            + " and load the demo requests and studies (what packaging/dev/run does).")
    private boolean demo;

    LightboxCommand(WorkstationSession session, WindowLauncher window) {
        this.session = session;
        this.window = window;
    }

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The workstation's data folder (default: ~/.local/share/lightbox on Linux).")
    void dataDir(Path dir) {
        session.dataDir(dir);
    }

    @Override
    public Integer call() {
        return window.open(session, !noDemoData);
    }

    /** Opens the window and returns when it closes; the seam that keeps JavaFX out of command-line tests. */
    interface WindowLauncher {
        int open(WorkstationSession session, boolean seedDemoData);
    }
}
