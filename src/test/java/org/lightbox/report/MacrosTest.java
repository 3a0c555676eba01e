package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.ValidationException;
import org.lightbox.report.testing.ReadingRoom;

/** Macros: a trigger expands, users keep their own, and a loop is refused with the chain that makes it. */
class MacrosTest {
    @TempDir
    Path dir;

    @Test
    void theSharedNormalChestMacroExpandsWhereItIsTyped() {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            MacroExpander expander = room.scenario.workstation.macros().expanderFor(room.attending);
            String text = "Findings: .nlcxr";

            MacroExpander.Expansion x = expander.at(text, text.length()).orElseThrow();

            assertThat(x.start()).isEqualTo(10);
            assertThat(x.replacement()).startsWith("Heart size is normal. The lungs are clear.");
            assertThat(expander.at("no trigger", 10)).isEmpty();
            assertThat(expander.at("version 1.nlcxr", 15)).isEmpty();
        }
    }

    @Test
    void aUserKeepsTheirOwnMacrosWhichMayUseOthersAndHideSharedOnes() {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            MacroLibrary macros = room.scenario.workstation.macros();
            macros.save(room.attending, null, ".nlchest", ".nlcxr No rib fracture.", false);
            macros.save(room.attending, null, ".nocomp", "No prior imaging.", false);

            MacroExpander mine = macros.expanderFor(room.attending);

            assertThat(mine.expand(".nlchest").orElseThrow()).endsWith("No acute bony abnormality. No rib fracture.");
            assertThat(mine.expand(".nocomp")).contains("No prior imaging.");
            assertThat(macros.expanderFor(room.colleague).expand(".nocomp")).contains("None available.");
            assertThat(macros.expanderFor(room.colleague).expand(".nlchest")).isEmpty();
            assertThatThrownBy(() -> macros.save(room.attending, null, ".shared", "x", true)).isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> macros.save(room.attending, null, "nodot", "x", false)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("like .nlcxr");
        }
    }

    @Test
    void aMacroLoopIsRefusedClearlyAndNothingIsSaved() {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            MacroLibrary macros = room.scenario.workstation.macros();
            Macro a = macros.save(room.attending, null, ".aa", "See .bb", false);
            macros.save(room.attending, null, ".bb", "Normal.", false);

            assertThatThrownBy(() -> macros.save(room.attending, macros.visibleTo(room.attending).stream()
                    .filter(m -> m.trigger().equals(".bb")).findFirst().orElseThrow().id(), ".bb", "Then .aa", false))
                    .isInstanceOf(MacroLoopException.class)
                    .hasMessageContaining("Macro .bb expands to itself (.bb -> .aa -> .bb)");
            assertThatThrownBy(() -> macros.save(room.attending, a.id(), ".aa", "Again .aa", false))
                    .isInstanceOf(MacroLoopException.class).hasMessageContaining(".aa -> .aa");
            assertThat(macros.expanderFor(room.attending).expand(".aa")).contains("See Normal.");
        }
    }

    @Test
    void aSharedMacroThatWouldCloseALoopThroughSomeonesOwnMacroIsRefused() {
        try (ReadingRoom room = new ReadingRoom(dir)) {
            MacroLibrary macros = room.scenario.workstation.macros();
            macros.save(room.resident, null, ".mine", "As in .house", false);

            assertThatThrownBy(() -> macros.save(room.admin, null, ".house", "House style: .mine", true))
                    .isInstanceOf(MacroLoopException.class)
                    .hasMessage("With the own macros of " + room.resident.displayName() + ": Macro .house expands to itself"
                            + " (.house -> .mine -> .house): change one of these macros so the chain ends");
            assertThat(macros.expanderFor(room.attending).expand(".house")).isEmpty();

            macros.save(room.admin, null, ".house", "House style.", true);
            assertThat(macros.expanderFor(room.resident).expand(".mine")).contains("As in House style.");
        }
    }

    @Test
    void aLoopThatReachesTheEditorAnywayIsRefusedWithoutTouchingTheText() {
        MacroExpander looping = new MacroExpander(Map.of(".aa", ".bb", ".bb", ".aa"));

        assertThatThrownBy(() -> looping.at("Findings .aa", 12)).isInstanceOf(MacroLoopException.class)
                .hasMessageContaining("change one of these macros");
    }
}
