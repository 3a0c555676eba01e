package org.lightbox.report.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.domain.Actor;
import org.lightbox.report.DiagnosticReportMapper;
import org.lightbox.report.ReportDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lightbox report fhir ACCESSION}: the signed report as a FHIR R4 DiagnosticReport on standard output. */
@Command(name = "fhir", mixinStandardHelpOptions = true,
        description = "Print the signed report of ACCESSION as a FHIR R4 DiagnosticReport (JSON).")
public final class ReportFhirCommand implements Callable<Integer> {
    private final Supplier<ReportDocuments> documents;
    private final Supplier<ObjectMapper> json;

    @Parameters(paramLabel = "ACCESSION", description = "Accession number of the request.")
    private String accession;

    @Spec
    private CommandSpec spec;

    public ReportFhirCommand(Supplier<ReportDocuments> documents, Supplier<ObjectMapper> json) {
        this.documents = documents;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        var doc = documents.get().forAccession(Actor.SYSTEM, accession, "fhir");
        ObjectMapper mapper = json.get();
        spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter()
                .writeValueAsString(new DiagnosticReportMapper(mapper).map(doc)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
