package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.report.testing.ReadingRoom;

/** MRRT templates: ours ship and parse, RadReport-style files import as they are, anything else is refused. */
class TemplatesTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = TemplatesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFourBuiltInTemplatesShipWithFieldsThatSigningKnowsHowToTreat() {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            List<ReportTemplate> all = room.scenario.workstation.templates().all();

            assertThat(all).extracting(ReportTemplate::title)
                    .containsExactly("CT Head without contrast", "CT Chest with contrast", "Chest X-ray", "MR Knee");
            ReportTemplate head = all.get(0);
            assertThat(head.content().impression()).isEqualTo("[[!Impression]]");
            assertThat(head.content().comparison()).isEqualTo("[[?Comparison]]");
            assertThat(head.content().findings()).contains("Midline shift (mm): [[Midline shift:number]]")
                    .contains("[[!Haemorrhage=No intracranial haemorrhage.|Acute intraparenchymal haemorrhage.");
            assertThat(all.get(1).content().comparison()).isEqualTo("Prior study of [[Prior date:date]]");
            UnfilledFields unfilled = UnfilledFields.of(head.content());
            assertThat(unfilled.required()).containsExactly("Findings: Haemorrhage", "Impression: Impression");
            assertThat(unfilled.alerts()).containsExactly("Comparison: Comparison");
        }
    }

    @Test
    void aRadReportTemplateImportsAsItIsWithItsMenusChecklistsAndNumbers() throws IOException {
        ReportSections t = new MrrtTemplateParser().parse(resource("radreport-ct-abdomen.html"), "radreport-ct-abdomen.html").content();

        assertThat(t.technique()).isEqualTo("Technique: [[!Technique=CT of the abdomen and pelvis with intravenous contrast."
                + "|CT of the abdomen and pelvis with intravenous and oral contrast.]]");
        assertThat(t.indication()).isEqualTo("Indication: [[Indication=Abdominal pain.|Right lower quadrant pain.]]");
        assertThat(t.comparison()).isEqualTo("None.");
        assertThat(t.findings()).contains("Liver: [[?Liver]]").contains("Diameter [[Diameter:number]] mm");
        assertThat(t.impression()).isEqualTo("[[!impressionText]]");
        List<FieldToken> menu = FieldToken.find(t.findings()).stream().filter(f -> f.kind() == FieldKind.MENU).toList();
        assertThat(menu).singleElement().satisfies(f -> assertThat(f.options())
                .containsExactly("Normal.", "Dilated with periappendiceal fat stranding."));
    }

    @Test
    void anImportedTemplateIsKeptAndOfferedNextToOurs() throws IOException {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            Path file = dir.resolve("radreport-ct-abdomen.html");
            Files.writeString(file, resource("radreport-ct-abdomen.html"));

            ReportTemplate imported = room.scenario.workstation.templates().importFile(room.attending, file);

            assertThat(imported.title()).isEqualTo("CT Abdomen Pelvis");
            assertThat(room.scenario.workstation.templates().all()).extracting(ReportTemplate::title).contains("CT Abdomen Pelvis");
            assertThat(room.count("SELECT count(*) FROM audit_event WHERE action = 'report.template_imported'")).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotATemplateIsRefusedWithTheReasonAndNothingIsStored() throws IOException {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            Path notes = dir.resolve("not-a-template.html");
            Files.writeString(notes, resource("not-a-template.html"));
            Path binary = dir.resolve("scan.html");
            Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
            Path empty = dir.resolve("empty.html");
            Files.writeString(empty, "");
            TemplateLibrary library = room.scenario.workstation.templates();

            assertThatThrownBy(() -> library.importFile(room.attending, notes)).isInstanceOf(TemplateParseException.class)
                    .hasMessage("not-a-template.html has no <section> elements: an IHE MRRT template (such as RSNA RadReport's)"
                            + " holds its report sections in <section> elements of its <body>");
            assertThatThrownBy(() -> library.importFile(room.attending, binary)).isInstanceOf(TemplateParseException.class)
                    .hasMessageContaining("not UTF-8");
            assertThatThrownBy(() -> library.importFile(room.attending, empty)).isInstanceOf(TemplateParseException.class)
                    .hasMessageContaining("is empty");
            assertThat(room.count("SELECT count(*) FROM report_template")).isZero();
        }
    }

    @Test
    void fieldsReadBackFromTheTextTheyAreWrittenIn() {
        String text = "Lungs: " + FieldToken.render(Completion.PROHIBIT, "Lungs", FieldKind.MENU, List.of("Clear.", "Consolidation."))
                + " Size " + FieldToken.render(Completion.ALERT, "Size", FieldKind.NUMBER, List.of()) + " mm.";

        List<FieldToken> fields = FieldToken.find(text);

        assertThat(text).isEqualTo("Lungs: [[!Lungs=Clear.|Consolidation.]] Size [[?Size:number]] mm.");
        assertThat(fields).extracting(FieldToken::label).containsExactly("Lungs", "Size");
        assertThat(fields).extracting(FieldToken::kind).containsExactly(FieldKind.MENU, FieldKind.NUMBER);
        assertThat(FieldToken.withoutFields(text)).isEqualTo("Lungs: Size mm.");
    }
}
