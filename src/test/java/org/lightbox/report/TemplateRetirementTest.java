package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.report.testing.ReadingRoom;

/** An administrator takes an imported template out of the editor's list, and brings it back; the built-in ones stay. */
class TemplateRetirementTest {
    @TempDir
    Path dir;

    private Path radReportFile() throws IOException {
        Path file = dir.resolve("ct-abdomen.html");
        try (InputStream in = TemplateRetirementTest.class.getResourceAsStream("radreport-ct-abdomen.html")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void aRetiredTemplateIsNoLongerOfferedButStaysListedAndAudited() throws IOException {
        try (ReadingRoom room = new ReadingRoom(dir.resolve("ws"))) {
            TemplateLibrary library = room.scenario.workstation.templates();
            ReportTemplate imported = library.importFile(room.admin, radReportFile());

            assertThatThrownBy(() -> library.retire(room.attending, imported.id())).isInstanceOf(PermissionDeniedException.class);
            library.retire(room.admin, imported.id());

            assertThat(library.all()).extracting(ReportTemplate::id).doesNotContain(imported.id()).hasSize(4);
            assertThat(library.imported()).singleElement().satisfies(t -> {
                assertThat(t.title()).isEqualTo(imported.title());
                assertThat(t.sourceName()).isEqualTo("ct-abdomen.html");
                assertThat(t.active()).isFalse();
            });
            assertThat(room.scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("report.template_retired");

            library.restore(room.admin, imported.id());
            assertThat(library.all()).extracting(ReportTemplate::id).contains(imported.id());
            assertThat(room.scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("report.template_restored");
        }
    }

    @Test
    void theBuiltInTemplatesCannotBeRetired() {
        try (ReadingRoom room = new ReadingRoom(dir.resolve("ws"))) {
            assertThatThrownBy(() -> room.scenario.workstation.templates().retire(room.admin, "builtin:ct-head"))
                    .isInstanceOf(DomainException.class)
                    .hasMessage("The built-in templates ship with Lightbox and stay; only imported ones can be retired");
        }
    }
}
