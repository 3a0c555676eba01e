package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.cli.ReportFhirCommand;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import picocli.CommandLine;

/** The institution the first-run assistant asked for heads the reports that leave the workstation. */
class InstitutionHeaderTest {
    @TempDir
    Path dir;
    ReadingRoom room;
    ImagingRequest study;

    @BeforeEach
    void signReport() {
        room = new ReadingRoom(dir);
        study = room.scannedStudy();
        Report draft = room.reporting().open(room.attending, study.id()).report();
        room.reporting().sign(room.attending, draft.id(), new SigningRequest(new ReportSections("", "", "",
                "No acute intracranial abnormality.", "Normal CT head."), false, null, false), room.password());
    }

    @AfterEach
    void close() {
        room.close();
    }

    private String performerOfTheFhirReport() throws Exception {
        ObjectMapper json = room.scenario.workstation.json();
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new ReportFhirCommand(() -> room.scenario.workstation.reportDocuments(), () -> json));
        cli.setOut(new PrintWriter(printed));
        assertThat(cli.execute(study.accession().value())).isZero();
        return json.readTree(printed.toString()).path("performer").path(0).path("display").asText();
    }

    @Test
    void theInstitutionNamedAtSetupHeadsTheReport() throws Exception {
        room.scenario.workstation.settings().write(InstitutionSettings.KEY, new InstitutionSettings("St. Anne's Hospital"));
        assertThat(performerOfTheFhirReport()).isEqualTo("St. Anne's Hospital");
    }

    @Test
    void withoutOneTheImagingCenterOfTheRequestHeadsItAsBefore() throws Exception {
        String center = room.scenario.workstation.facilities().center(study.imagingCenterId()).orElseThrow().name();
        assertThat(performerOfTheFhirReport()).isEqualTo(center);
    }
}
