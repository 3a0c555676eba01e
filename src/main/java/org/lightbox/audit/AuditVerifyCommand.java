package org.lightbox.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.auth.PasswordPrompt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox audit verify}: walks the local hash chain, or with {@code --server} the chain as the
 * central store holds it; exit 1 and the first broken link when it is broken.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the audit chain. Exits 1 and names the first broken link if any event was changed, removed or reordered.",
                "Without --server, the local chain; with it, this workstation's chain on the central store (read as an administrator;"
                        + " the password comes from LIGHTBOX_PASSWORD or is asked for)."})
public final class AuditVerifyCommand implements Callable<Integer> {
    private final Supplier<AuditTrail> trail;
    private final RemoteAuditTrail remote;
    private final Supplier<String> localWorkstation;

    @Spec
    private CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "The central store, e.g. http://127.0.0.1:1337/parse.")
    private String server;

    @Option(names = "--app-id", paramLabel = "ID", description = "The central store's application id.")
    private String applicationId;

    @Option(names = "--client-key", paramLabel = "KEY", description = "The client key, if the central store requires one.")
    private String clientKey;

    @Option(names = "--username", paramLabel = "NAME", defaultValue = "admin",
            description = "An administrator on the central store (default: ${DEFAULT-VALUE}).")
    private String username;

    @Option(names = "--workstation", paramLabel = "ID",
            description = "Whose chain to verify on the server (default: this workstation's).")
    private String workstation;

    public AuditVerifyCommand(Supplier<AuditTrail> trail, RemoteAuditTrail remote, Supplier<String> localWorkstation) {
        this.trail = trail;
        this.remote = remote;
        this.localWorkstation = localWorkstation;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ChainCheck check;
        String where;
        if (server == null) {
            check = trail.get().verify();
            where = "Audit chain";
        } else {
            if (applicationId == null) {
                err.println("lightbox: --server needs --app-id too");
                return 2;
            }
            String whose = workstation != null ? workstation : localWorkstation.get();
            char[] password = PasswordPrompt.read(username + " on " + server, err);
            check = new AuditVerifier().verify(remote.events(new RemoteAuditTrail.RemoteAuditQuery(server, applicationId,
                    clientKey, username, password, whose)));
            where = "Audit chain of " + whose + " on " + server;
        }
        if (check.isIntact()) {
            out.println(where + " intact: " + check.eventsChecked() + " events verified.");
            return 0;
        }
        err.println(where + " BROKEN at event " + check.firstBrokenSeq() + ": " + check.problem());
        err.println(check.eventsChecked() + " events before it verified.");
        return 1;
    }
}
