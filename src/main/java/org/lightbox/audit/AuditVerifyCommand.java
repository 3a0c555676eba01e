package org.lightbox.audit;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lightbox audit verify}: walks the local hash chain; exit 1 and the first broken link when it is broken. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify the local audit chain. Exits 1 and names the first broken link if any event was changed, removed or reordered.")
public final class AuditVerifyCommand implements Callable<Integer> {
    private final Supplier<AuditTrail> trail;

    @Spec
    private CommandSpec spec;

    public AuditVerifyCommand(Supplier<AuditTrail> trail) {
        this.trail = trail;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChainCheck check = trail.get().verify();
        if (check.isIntact()) {
            out.println("Audit chain intact: " + check.eventsChecked() + " events verified.");
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Audit chain BROKEN at event " + check.firstBrokenSeq() + ": " + check.problem());
        err.println(check.eventsChecked() + " events before it verified.");
        return 1;
    }
}
