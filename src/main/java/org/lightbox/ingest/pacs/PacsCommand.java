package org.lightbox.ingest.pacs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.dicom.net.RemoteStudy;
import org.lightbox.dicom.net.StudyQuery;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.ingest.StorageScpSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox pacs find|retrieve}: query a PACS for studies and bring one in, over DICOMweb
 * ({@code --dicomweb URL}) or DIMSE ({@code --dimse AET@HOST:PORT}), or from the PACS set in Settings
 * when neither is given, as the system user, through the same {@link PacsQueryRetrieve} as the Scans
 * screen (permission, audit). Bad arguments print {@code lightbox pacs <command>: <reason>} and exit
 * 2 before anything is sent.
 */
@Command(name = "pacs", mixinStandardHelpOptions = true,
        description = {"Find studies on a PACS and retrieve them (DICOMweb QIDO-RS/WADO-RS or DIMSE C-FIND/C-MOVE).",
                "Without --dicomweb or --dimse, the PACS set in Settings (PACS tab) of the data folder."})
public final class PacsCommand {
    private final Supplier<PacsQueryRetrieve> pacs;
    private final ObjectMapper json = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    public PacsCommand(Supplier<PacsQueryRetrieve> pacs) {
        this.pacs = pacs;
    }

    /** Which PACS, and how to reach it; all of it optional, the rest comes from Settings. */
    static final class Pacs {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Address address;

        @Option(names = "--user", paramLabel = "USER", description = "DICOMweb user (HTTP basic authentication); with the"
                + " PACS from Settings, instead of the user set there.")
        String user;

        @Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
                description = "DICOMweb password; asked for when given without a value. Never stored.")
        String password;

        @Option(names = "--aet", paramLabel = "AET", description = "Our AE title for DIMSE; the C-MOVE destination too"
                + " (default: the Storage SCP's in Settings, LIGHTBOX if not set).")
        String ourAeTitle;
    }

    static final class Address {
        @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb root, e.g. http://pacs:8042/dicom-web")
        String dicomWeb;

        @Option(names = "--dimse", paramLabel = "AET@HOST:PORT", description = "The PACS's DIMSE address, e.g. ORTHANC@pacs:4242")
        String dimse;
    }

    /** The PACS to ask and, for DIMSE, our side of the association. */
    private record Reached(PacsSettings pacs, StorageScpSettings us, String password) {
    }

    @Command(name = "find", mixinStandardHelpOptions = true, description = "List the studies on the PACS that match.")
    int find(@ArgGroup(exclusive = false) Pacs given,
             @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID (MRN).") String patientId,
             @Option(names = "--patient-name", paramLabel = "NAME", description = "Patient name as DICOM writes it,"
                     + " * and ? as wildcards, e.g. MOREAU^*.") String patientName,
             @Option(names = "--accession", paramLabel = "ACC", description = "Accession number.") String accession,
             @Option(names = "--study", paramLabel = "UID", description = "Study Instance UID.") String studyUid,
             @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only studies of this day or later"
                     + " (Study Date); without --to the range is open.") String from,
             @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only studies of this day or earlier"
                     + " (Study Date); without --from the range is open.") String to,
             @Option(names = "--json", description = "Print the studies as a JSON array.") boolean asJson) throws Exception {
        LocalDate studiedFrom;
        LocalDate studiedTo;
        try {
            studiedFrom = date("--from", from);
            studiedTo = date("--to", to);
        } catch (IllegalArgumentException e) {
            return refused("find", e.getMessage());
        }
        StudyQuery query;
        try {
            query = new StudyQuery(patientId, patientName, accession, studyUid, studiedFrom, studiedTo);
        } catch (IllegalArgumentException e) {
            return refused("find", "--from and --to: " + e.getMessage());
        }
        if (query.isEmpty()) {
            return refused("find", "give --patient-id, --patient-name, --accession, --study, --from or --to");
        }
        PacsQueryRetrieve service = pacs.get();
        Reached reached = reached("find", service, given);
        if (reached == null) {
            return 2;
        }
        List<RemoteStudy> studies = service.find(Actor.SYSTEM, reached.pacs(), reached.us().aeTitle(), query,
                reached.password());
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
            out.println(studies.size() + (studies.size() == 1 ? " study" : " studies") + " on " + reached.pacs().describe());
        }
        out.flush();
        return 0;
    }

    @Command(name = "retrieve", mixinStandardHelpOptions = true,
            description = "Bring a study into the workstation; it is matched to its request like an import.")
    int retrieve(@ArgGroup(exclusive = false) Pacs given,
                 @Option(names = "--study", required = true, paramLabel = "UID",
                         description = "Study Instance UID, as pacs find lists it.") String studyUid,
                 @Option(names = "--port", paramLabel = "PORT", description = "Port of our Storage SCP for C-MOVE (default:"
                         + " the Storage SCP's in Settings, 11112 if not set).") Integer port) {
        PacsQueryRetrieve service = pacs.get();
        Reached reached = reached("retrieve", service, given);
        if (reached == null) {
            return 2;
        }
        StorageScpSettings us = port == null ? reached.us() : new StorageScpSettings(reached.us().aeTitle(), port);
        ImportSummary summary = service.retrieve(Actor.SYSTEM, reached.pacs(), us, studyUid, reached.password());
        PrintWriter out = spec.commandLine().getOut();
        out.println(summary.headline());
        summary.rejected().forEach(r -> out.println("  rejected: " + r.reason()));
        out.flush();
        return 0;
    }

    /**
     * The PACS given on the command line, else the one in Settings (with {@code --user} instead of its
     * user); null, said on standard error, when there is none or its user has no password given.
     */
    private Reached reached(String command, PacsQueryRetrieve service, Pacs given) {
        Pacs options = given == null ? new Pacs() : given;
        PacsSettings target;
        if (options.address != null && options.address.dicomWeb != null) {
            target = PacsSettings.dicomWeb(PacsSettings.checkedUrl(options.address.dicomWeb),
                    options.user == null ? "" : options.user);
        } else if (options.address != null) {
            DicomNode node = node(options.address.dimse);
            target = PacsSettings.dimse(node.aeTitle(), node.host(), node.port());
        } else {
            target = service.pacs();
            if (!target.configured()) {
                refused(command, PacsQueryRetrieve.NOT_SET + " Or name one here: --dicomweb URL or --dimse AET@HOST:PORT.");
                return null;
            }
            if (target.protocol() == PacsProtocol.DICOMWEB && options.user != null) {
                target = PacsSettings.dicomWeb(target.dicomWebUrl(), options.user);
            }
        }
        if (target.needsPassword() && (options.password == null || options.password.isEmpty())) {
            refused(command, "the PACS user " + target.user() + " needs a password: add --password (it is asked for,"
                    + " and never stored)");
            return null;
        }
        StorageScpSettings ourSide = service.ourSide();
        StorageScpSettings us = options.ourAeTitle == null ? ourSide
                : new StorageScpSettings(options.ourAeTitle, ourSide.port());
        return new Reached(target, us, options.password);
    }

    /** "2024-01-31", as the PACS tab's date pickers give it; null when the option is not given. */
    private static LocalDate date(String option, String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " \"" + typed + "\" is not a date: give it as YYYY-MM-DD,"
                    + " e.g. 2024-01-31");
        }
    }

    private int refused(String command, String reason) {
        spec.commandLine().getErr().println("lightbox pacs " + command + ": " + reason);
        spec.commandLine().getErr().flush();
        return 2;
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
