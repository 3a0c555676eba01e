package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.request.ImagingRequest;
import picocli.CommandLine;

class ImportCommandTest {
    @TempDir
    Path dir;
    IngestFixture department;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void openDepartment() {
        department = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ImportCommand(() -> department.workstation.importer()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsOneJsonSummaryWithTheRejectionsAndExitsZero() throws Exception {
        ImagingRequest request = department.scheduledRequest("LB-1", "Moreau");
        Path folder = dir.resolve("in");
        IngestFixture.series(folder, request, TestDicomFile.newUid(), 2);
        Path text = Files.writeString(folder.resolve("notes.txt"), "not an image");

        int exit = run("--json", folder.toString());

        assertThat(exit).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("indexed").asInt()).isEqualTo(2);
        assertThat(summary.get("duplicates").asInt()).isZero();
        assertThat(summary.get("studies").asInt()).isEqualTo(1);
        assertThat(summary.get("series").asInt()).isEqualTo(1);
        assertThat(summary.get("rejected")).singleElement().satisfies(r -> {
            assertThat(r.get("path").asText()).isEqualTo(text.toString());
            assertThat(r.get("reason").asText()).isEqualTo("not a DICOM file");
        });
        assertThat(out.toString().strip().lines()).hasSize(1);
    }

    @Test
    void aPathThatDoesNotExistIsABadArgument() {
        int exit = run(dir.resolve("nowhere").toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("does not exist");
        assertThat(department.count("SELECT count(*) FROM dicom_study")).isZero();
    }
}
