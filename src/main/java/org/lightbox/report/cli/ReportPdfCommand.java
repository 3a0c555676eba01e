package org.lightbox.report.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.domain.Actor;
import org.lightbox.report.ReportDocument;
import org.lightbox.report.ReportDocuments;
import org.lightbox.report.ReportPdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox report pdf ACCESSION --out FILE.pdf}: the signed report as a PDF, without the window. */
@Command(name = "pdf", mixinStandardHelpOptions = true, description = "Write the signed report of ACCESSION as a PDF.")
public final class ReportPdfCommand implements Callable<Integer> {
    private final Supplier<ReportDocuments> documents;
    private final Supplier<ZoneId> zone;

    @Parameters(paramLabel = "ACCESSION", description = "Accession number of the request.")
    private String accession;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the PDF.")
    private Path out;

    @Spec
    private CommandSpec spec;

    public ReportPdfCommand(Supplier<ReportDocuments> documents, Supplier<ZoneId> zone) {
        this.documents = documents;
        this.zone = zone;
    }

    @Override
    public Integer call() throws Exception {
        ReportDocument doc = documents.get().forAccession(Actor.SYSTEM, accession, "pdf");
        Path target = new ReportPdf(zone.get()).save(doc, out);
        spec.commandLine().getOut().println("Wrote " + target + " (report version " + doc.latest().version() + ")");
        return 0;
    }
}
