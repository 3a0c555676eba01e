package org.lightbox.ingest.pacs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.dicom.net.DimseException;
import org.lightbox.dicom.net.QueryRetrieveScu;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.ingest.ImportSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox pacs find|retrieve}: query a PACS for studies and bring one in, over DICOMweb
 * ({@code --dicomweb URL}) or DIMSE ({@code --dimse AET@HOST:PORT}), as the system user.
 */
@Command(name = "pacs", mixinStandardHelpOptions = true,
        description = "Find studies on a PACS and retrieve them (DICOMweb QIDO-RS/WADO-RS or DIMSE C-FIND/C-MOVE).")
public final class PacsCommand {
    private final Supplier<PacsRetrieval> retrieval;
    private final ObjectMapper json = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    public PacsCommand(Supplier<PacsRetrieval> retrieval) {
        this.retrieval = retrieval;
    }

    /** Which PACS, and how to reach it. */
    static final class Pacs {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Address address;

        @Option(names = "--user", description = "DICOMweb user (HTTP basic authentication).")
        String user;

        @Option(names = "--password", description = "DICOMweb password.", interactive = true, arity = "0..1")
        String password;

        @Option(names = "--aet", defaultValue = "LIGHTBOX",
                description = "Our AE title for DIMSE; the C-MOVE destination too (default: ${DEFAULT-VALUE}).")
        String ourAeTitle;
    }

    static final class Address {
        @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb root, e.g. http://pacs:8042/dicom-web")
        String dicomWeb;

        @Option(names = "--dimse", paramLabel = "AET@HOST:PORT", description = "The PACS's DIMSE address, e.g. ORTHANC@pacs:4242")
        String dimse;
    }

    @Command(name = "find", mixinStandardHelpOptions = true, description = "List the studies on the PACS that match.")
    int find(@ArgGroup(exclusive = false, multiplicity = "1") Pacs pacs,
             @Option(names = "--patient-id") String patientId, @Option(names = "--patient-name") String patientName,
             @Option(names = "--accession") String accession, @Option(names = "--study") String studyUid,
             @Option(names = "--json", description = "Print the studies as a JSON array.") boolean asJson) throws Exception {
        StudyQuery query = new StudyQuery(patientId, patientName, accession, studyUid);
        if (query.isEmpty()) {
            spec.commandLine().getErr().println("lightbox pacs find: give --patient-id, --patient-name, --accession or --study");
            return 2;
        }
        List<RemoteStudy> studies;
        try {
            studies = pacs.address.dicomWeb != null
                    ? DicomWebClient.connect(pacs.address.dicomWeb, pacs.user, pacs.password).searchStudies(query)
                    : new QueryRetrieveScu(pacs.ourAeTitle).findStudies(node(pacs.address.dimse), query);
        } catch (DicomWebException | DimseException e) {
            throw new DomainException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            ArrayNode list = json.createArrayNode();
            studies.forEach(s -> list.addObject().put("studyInstanceUid", s.studyInstanceUid())
                    .put("accessionNumber", s.accessionNumber()).put("patientId", s.patientId())
                    .put("patientName", s.patientName().raw()).put("description", s.description())
                    .put("studyDateTime", s.dateTime() == null ? null : s.dateTime().toString())
                    .put("modalities", String.join("\\", s.modalities())));
            out.println(json.writeValueAsString(list));
        } else {
            studies.forEach(s -> out.printf("%s  %s  %-10s %-24s %s  %s%n", s.studyInstanceUid(),
                    s.dateTime() == null ? "-" : s.dateTime().toLocalDate(), s.accessionNumber(),
                    s.patientName().displayName(), String.join("/", s.modalities()), s.description()));
            out.println(studies.size() + (studies.size() == 1 ? " study" : " studies"));
        }
        out.flush();
        return 0;
    }

    @Command(name = "retrieve", mixinStandardHelpOptions = true,
            description = "Bring a study into the workstation; it is matched to its request like an import.")
    int retrieve(@ArgGroup(exclusive = false, multiplicity = "1") Pacs pacs,
                 @Option(names = "--study", required = true, paramLabel = "UID") String studyUid,
                 @Option(names = "--port", defaultValue = "11112",
                         description = "Port of our Storage SCP for C-MOVE (default: ${DEFAULT-VALUE}).") int port) {
        ImportSummary summary = pacs.address.dicomWeb != null
                ? retrieval.get().retrieveByDicomWeb(Actor.SYSTEM,
                        DicomWebClient.connect(pacs.address.dicomWeb, pacs.user, pacs.password), studyUid)
                : retrieval.get().retrieveByCMove(Actor.SYSTEM, node(pacs.address.dimse), pacs.ourAeTitle, port, studyUid);
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary.headline());
        summary.rejected().forEach(r -> out.println("  rejected: " + r.reason()));
        out.flush();
        return 0;
    }

    /** "ORTHANC@pacs.example:4242" */
    static DicomNode node(String address) {
        int at = address.indexOf('@');
        int colon = address.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            throw new DomainException("A DIMSE address is AET@HOST:PORT, e.g. ORTHANC@pacs:4242, not \"" + address + "\"");
        }
        try {
            return new DicomNode(address.substring(0, at), address.substring(at + 1, colon),
                    Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new DomainException("Bad DIMSE address \"" + address + "\": " + e.getMessage());
        }
    }
}
