package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.DomainException;
import org.lightbox.report.cli.ReportFhirCommand;
import org.lightbox.report.cli.ReportPdfCommand;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import picocli.CommandLine;

/**
 * What leaves the workstation: the PDF (its text layer read by poppler's pdftotext, its page rendered to
 * PNG by pdftoppm and read back by tesseract OCR) and the FHIR R4 DiagnosticReport, both through the
 * same commands a hospital would script.
 */
class ReportOutputTest {
    private static final ReportSections BLEED = new ReportSections("Fall, on anticoagulants.", "CT head without contrast.",
            "CT head of 12 March.", "Crescentic hyperdense collection over the left convexity, 9 mm thick.\nMidline shift 4 mm.",
            "Acute left subdural haematoma with 4 mm midline shift.");

    @TempDir
    Path dir;
    ReadingRoom room;
    ImagingRequest study;
    ObjectMapper json;

    @BeforeEach
    void signReport() {
        room = new ReadingRoom(dir);
        json = room.scenario.workstation.json();
        study = room.scannedStudy();
        Reporting reporting = room.reporting();
        Report draft = reporting.open(room.attending, study.id()).report();
        CriticalResultNotice told = new CriticalResultNotice("Dr. Lena Marsh", NotificationMethod.PHONE,
                room.scenario.clock.instant().minus(Duration.ofMinutes(5)));
        reporting.sign(room.attending, draft.id(), new SigningRequest(BLEED, true, told, false), room.password());
    }

    @AfterEach
    void close() {
        room.close();
    }

    private String pdfCommand(Path out) {
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new ReportPdfCommand(() -> room.scenario.workstation.reportDocuments(),
                () -> room.scenario.clock.getZone()));
        cli.setOut(new PrintWriter(printed));
        assertThat(cli.execute(study.accession().value(), "--out", out.toString())).isEqualTo(0);
        return printed.toString();
    }

    private JsonNode fhirCommand() throws Exception {
        return fhirCommand(study);
    }

    private JsonNode fhirCommand(ImagingRequest request) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new ReportFhirCommand(() -> room.scenario.workstation.reportDocuments(), () -> json));
        cli.setOut(new PrintWriter(printed));
        assertThat(cli.execute(request.accession().value())).isEqualTo(0);
        return json.readTree(printed.toString());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    @Test
    void thePdfShowsTheInstitutionThePatientTheImpressionTheSignerAndTimeAndTheAddendaOnTheRenderedPage() throws Exception {
        Instant signedAt = room.scenario.clock.instant();
        room.scenario.clock.advance(Duration.ofHours(1));
        room.reporting().addAddendum(room.colleague, room.reporting().reportOf(study.id()).orElseThrow().id(),
                "Compared with the outside CT: the collection is new.", null, room.password());
        room.scenario.clock.advance(Duration.ofMinutes(30));
        room.reporting().addAddendum(room.attending, room.reporting().reportOf(study.id()).orElseThrow().id(),
                "Neurosurgery informed of the comparison.", null, room.password());
        Path pdf = dir.resolve("out/report.pdf");
        String signedLine = "Electronically signed by " + room.attending.displayName() + " on "
                + DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm", Locale.ENGLISH).format(signedAt.atZone(room.scenario.clock.getZone()));

        assertThat(pdfCommand(pdf)).contains("Wrote ").contains("report version 3");

        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("Saint Olav Hospital").contains("Patient: MOREAU, Alice").contains("MRN MRN1001")
                .contains(study.accession().value())
                .contains("Acute left subdural haematoma with 4 mm midline shift.")
                .contains("CRITICAL RESULT. Critical result communicated to Dr. Lena Marsh by phone call")
                .contains(signedLine)
                .contains("ADDENDUM 1").contains("Compared with the outside CT: the collection is new.")
                .contains("ADDENDUM 2").contains("Neurosurgery informed of the comparison.");
        assertThat(text.indexOf("ADDENDUM 1")).isLessThan(text.indexOf("ADDENDUM 2"));
        assertThat(text.indexOf("ADDENDUM 2")).isLessThan(text.indexOf("IMPRESSION"));

        // What the referring physician sees: the rendered page, read back by OCR rather than from the PDF's text layer.
        run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", pdf.toString(), dir.resolve("page").toString());
        Path png = dir.resolve("page-1.png");
        assertThat(new String(Files.readAllBytes(png), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        String seen = run("tesseract", png.toString(), "-", "--psm", "4").replaceAll("\\s+", " ");
        assertThat(seen).contains("Saint Olav Hospital").contains("Patient: MOREAU, Alice")
                .contains("Acute left subdural haematoma with 4 mm midline shift.").contains(signedLine);
    }

    @Test
    void theFhirDiagnosticReportCarriesStatusIdentifiersConclusionAndTheWholeText() throws Exception {
        JsonNode r = fhirCommand();

        assertThat(r.path("resourceType").asText()).isEqualTo("DiagnosticReport");
        assertThat(r.path("status").asText()).isEqualTo("final");
        assertThat(r.at("/subject/identifier/value").asText()).isEqualTo("MRN1001");
        assertThat(r.at("/subject/identifier/type/coding/0/code").asText()).isEqualTo("MR");
        assertThat(r.at("/basedOn/0/identifier/value").asText()).isEqualTo(study.accession().value());
        assertThat(r.at("/basedOn/0/identifier/type/coding/0/code").asText()).isEqualTo("ACSN");
        assertThat(r.at("/code/coding/0/system").asText()).isEqualTo("http://loinc.org");
        assertThat(r.path("conclusion").asText()).isEqualTo("Acute left subdural haematoma with 4 mm midline shift.");
        assertThat(r.at("/resultsInterpreter/0/display").asText()).isEqualTo(room.attending.displayName());
        assertThat(r.path("issued").asText()).isEqualTo(room.scenario.clock.instant().toString());
        String text = new String(Base64.getDecoder().decode(r.at("/presentedForm/0/data").asText()), StandardCharsets.UTF_8);
        assertThat(text).contains("FINDINGS\nCrescentic hyperdense collection").contains("Midline shift 4 mm.");

        room.reporting().addAddendum(room.attending, room.reporting().reportOf(study.id()).orElseThrow().id(), "Addendum.", null,
                room.password());
        JsonNode amended = fhirCommand();
        assertThat(amended.path("status").asText()).isEqualTo("appended");
        assertThat(amended.at("/meta/versionId").asText()).isEqualTo("2");
    }

    @Test
    void aReportWaitingForReviewGoesOutAsAPreliminaryDiagnosticReport() throws Exception {
        ImagingRequest residents = room.scannedStudy();
        Report draft = room.reporting().open(room.resident, residents.id()).report();
        room.reporting().submitForReview(room.resident, draft.id(), room.attending.userId(), new SigningRequest(BLEED, false, null,
                false), room.password());

        JsonNode r = fhirCommand(residents);

        assertThat(r.path("status").asText()).isEqualTo("preliminary");
        assertThat(r.at("/resultsInterpreter/0/display").asText()).isEqualTo(room.resident.displayName());
        assertThat(r.path("conclusion").asText()).isEqualTo(BLEED.impression());
        assertThat(r.at("/meta/versionId").asText()).isEqualTo("1");
    }

    @Test
    void anUnsignedReportIsNotPutOut() {
        ImagingRequest other = room.scannedStudy();
        room.reporting().open(room.attending, other.id());

        assertThatThrownBy(() -> room.scenario.workstation.reportDocuments().forAccession(room.admin, other.accession().value(), "fhir"))
                .isInstanceOf(DomainException.class).hasMessageContaining("not signed yet");
        assertThatThrownBy(() -> room.scenario.workstation.reportDocuments().forAccession(room.admin, "NOPE", "pdf"))
                .isInstanceOf(DomainException.class).hasMessageContaining("No imaging request with accession NOPE");
    }
}
