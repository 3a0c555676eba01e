package org.lightbox.report.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.domain.DomainException;
import org.lightbox.report.Reporting;
import org.lightbox.report.VersionCheck;
import org.lightbox.request.RequestRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox report verify ACCESSION}: checks the signed versions against their hashes; exit 1 when one fails. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every signed version of the report of ACCESSION against its content hash. Exits 1 if one was changed.")
public final class ReportVerifyCommand implements Callable<Integer> {
    private final Supplier<Reporting> reporting;
    private final Supplier<RequestRecords> requests;

    @Parameters(paramLabel = "ACCESSION", description = "Accession number of the request.")
    private String accession;

    @Spec
    private CommandSpec spec;

    public ReportVerifyCommand(Supplier<Reporting> reporting, Supplier<RequestRecords> requests) {
        this.reporting = reporting;
        this.requests = requests;
    }

    @Override
    public Integer call() {
        String requestId = requests.get().byAccession(accession.strip())
                .orElseThrow(() -> new DomainException("No imaging request with accession " + accession)).id();
        VersionCheck check = reporting.get().verify(requestId);
        if (check.isIntact()) {
            spec.commandLine().getOut().println("Report of " + accession + " intact: " + check.versionsChecked()
                    + " signed versions verified.");
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("Report of " + accession + " TAMPERED: version " + check.firstBrokenVersion() + " " + check.problem() + ".");
        return 1;
    }
}
