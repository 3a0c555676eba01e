package org.lightbox.ingest;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.lightbox.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox listen --aet LIGHTBOX --port 11112}: runs the Storage SCP headless until stopped
 * (Ctrl+C), indexing what arrives as the system user and printing a line per delivery.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Accept images over DICOM (C-STORE) and connection checks (C-ECHO) until stopped with Ctrl+C.")
public final class ListenCommand implements Callable<Integer> {
    private final Supplier<StorageScpService> scp;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--aet", defaultValue = "LIGHTBOX", description = "Our AE title (default: ${DEFAULT-VALUE}).")
    private String aeTitle;

    @Option(names = "--port", defaultValue = "11112", description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    public ListenCommand(Supplier<StorageScpService> scp) {
        this.scp = scp;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        StorageScpService service = scp.get();
        service.onImported(summary -> {
            out.println(summary.headline());
            summary.rejected().forEach(r -> out.println("  rejected: " + r.reason()));
            out.flush();
        });
        service.onFailure(failure -> {
            spec.commandLine().getErr().println(failure);
            spec.commandLine().getErr().flush();
        });
        service.start(Actor.SYSTEM, aeTitle, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "listen-shutdown"));
        out.println("Listening as " + aeTitle.strip() + " on port " + port + " (C-ECHO, C-STORE). Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Stops a running {@link #call()}, as Ctrl+C does; for tests. */
    void stop() {
        scp.get().close();
        stopped.countDown();
    }
}
