package org.lightbox.sync;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.auth.TerminalCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lightbox sync}: one push/pull cycle with the central store, headless, and what it did. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Run one push/pull cycle with the central store and print what it did.",
                "Without --server, uses the central store configured with `lightbox central-store`. Without --username,"
                        + " the account comes from LIGHTBOX_USERNAME or is asked for; the password comes from LIGHTBOX_PASSWORD"
                        + " or is asked for. A data folder holding the demo patients never syncs with a central store (exit 2)."
                        + " Exits 1 if the server could not be reached or refused; nothing is lost then: the changes wait in"
                        + " the outbox."})
public final class SyncCommand implements Callable<Integer> {
    private final Supplier<SyncService> sync;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "The central store, e.g. http://127.0.0.1:1337/parse.")
    private String server;

    @Option(names = "--app-id", paramLabel = "ID", description = "The central store's application id.")
    private String applicationId;

    @Option(names = "--client-key", paramLabel = "KEY", description = "The client key, if the central store requires one.")
    private String clientKey;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Whose account to sync with (default: LIGHTBOX_USERNAME, else asked for).")
    private String username;

    public SyncCommand(Supplier<SyncService> sync) {
        this.sync = sync;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SyncService service = sync.get();
        CentralStoreSettings store = server != null ? new CentralStoreSettings(server, applicationId, clientKey)
                : service.settings().orElse(null);
        if (store == null) {
            err.println("lightbox sync: no central store configured; give --server and --app-id, or run `lightbox central-store`");
            return 2;
        }
        service.requireNoDemoContent();
        CentralStoreClient client = service.client(store);
        TerminalCredentials credentials = TerminalCredentials.of(err);
        String who = credentials.username(username, store.url());
        try {
            CentralSession session = service.accounts().signIn(client, who, credentials.password(who + " on " + store.url()));
            out.println("Signed in to " + store.url() + " as " + session.username());
            SyncReport report = service.syncOnce(client, session);
            out.println(report.describe());
            return report.refused() > 0 ? 1 : 0;
        } catch (CentralStoreException e) {
            err.println("lightbox sync: " + e.getMessage());
            err.println("Nothing was lost: " + service.pending().waiting() + " changes wait in the outbox, "
                    + service.pending().refused() + " refused.");
            return 1;
        }
    }
}
