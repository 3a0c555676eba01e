package org.lightbox.sync;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lightbox central-store}: shows or sets which central store this workstation syncs with. */
@Command(name = "central-store", mixinStandardHelpOptions = true,
        description = "Show or set this workstation's central store (Parse Server). With --standalone, forget it.")
public final class CentralStoreCommand implements Callable<Integer> {
    private final Supplier<SyncService> sync;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "The central store, e.g. http://127.0.0.1:1337/parse.")
    private String server;

    @Option(names = "--app-id", paramLabel = "ID", description = "The central store's application id.")
    private String applicationId;

    @Option(names = "--client-key", paramLabel = "KEY", description = "The client key, if the central store requires one.")
    private String clientKey;

    @Option(names = "--standalone", description = "Work without a central store; the local accounts become the authority.")
    private boolean standalone;

    public CentralStoreCommand(Supplier<SyncService> sync) {
        this.sync = sync;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SyncService service = sync.get();
        if (standalone) {
            service.configure(Actor.SYSTEM, null);
        } else if (server != null) {
            service.configure(Actor.SYSTEM, new CentralStoreSettings(server, applicationId, clientKey));
        }
        out.println(service.settings().map(s -> "Central store: " + s.url() + " (application id " + s.applicationId()
                + (s.clientKey() == null ? "" : ", with a client key") + ")").orElse("Standalone: no central store configured"));
        return 0;
    }
}
