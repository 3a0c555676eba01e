package org.lightbox.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lightbox.domain.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox import [--json] PATH...}: imports files, folders and DICOMDIRs headless, as the
 * system user. Exit 0 when the run completed, rejected files included (they are in the summary and
 * the quarantine); 2 when it could not run.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import DICOM files, folders (recursively) and DICOMDIRs into the workstation.",
                "Studies are matched to requests by accession number and patient identity; the others wait in the"
                        + " unmatched queue. Files that cannot be read are copied to the quarantine with the reason."})
public final class ImportCommand implements Callable<Integer> {
    private final Supplier<DicomImporter> importer;
    private final ObjectMapper json = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    private boolean asJson;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A DICOM file, a folder, or a DICOMDIR.")
    private List<Path> paths;

    public ImportCommand(Supplier<DicomImporter> importer) {
        this.importer = importer;
    }

    @Override
    public Integer call() throws Exception {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                spec.commandLine().getErr().println("lightbox import: " + path + " does not exist");
                return 2;
            }
        }
        String source = paths.size() == 1 ? paths.get(0).toAbsolutePath().toString() : paths.size() + " paths";
        ImportSummary summary = importer.get().importPaths(Actor.SYSTEM, paths, IngestOrigin.IMPORT, source,
                ImportProgress.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            out.println(json.writeValueAsString(asJson(summary)));
        } else {
            out.println(summary.headline());
            summary.rejected().forEach(r -> out.println("  rejected " + r.path() + ": " + r.reason()));
        }
        out.flush();
        return 0;
    }

    private ObjectNode asJson(ImportSummary summary) {
        ObjectNode node = json.createObjectNode();
        node.put("indexed", summary.indexed());
        node.put("duplicates", summary.duplicates());
        node.put("studies", summary.studies());
        node.put("series", summary.series());
        ArrayNode rejected = node.putArray("rejected");
        summary.rejected().forEach(r -> rejected.addObject().put("path", r.path()).put("reason", r.reason()));
        return node;
    }
}
