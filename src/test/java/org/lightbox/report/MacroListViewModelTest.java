package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** The macro screen without a toolkit: write, change and delete a macro, and what it says when refused. */
class MacroListViewModelTest {
    @TempDir
    Path dir;
    ReadingRoom room;
    final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    int changes;

    @BeforeEach
    void open() {
        room = new ReadingRoom(dir);
    }

    @AfterEach
    void close() {
        room.close();
    }

    private MacroListViewModel screenFor(Actor actor) {
        return new MacroListViewModel(room.scenario.workstation.macros(), tasks, actor, () -> changes++);
    }

    private static Macro withTrigger(MacroListViewModel screen, String trigger) {
        return screen.macros().stream().filter(m -> m.trigger().equals(trigger)).findFirst().orElseThrow();
    }

    @Test
    void aRadiologistWritesAMacroChangesItAndDeletesIt() {
        MacroListViewModel screen = screenFor(room.attending);
        assertThat(screen.macros()).extracting(Macro::trigger).contains(".nlcxr", ".nocomp");

        screen.newMacro();
        screen.triggerProperty().set(".NLknee");
        screen.expansionProperty().set("No joint effusion.");
        screen.save();

        assertThat(screen.messageProperty().get()).isEqualTo("Saved .nlknee.");
        Macro saved = withTrigger(screen, ".nlknee");
        assertThat(saved.isShared()).isFalse();
        assertThat(changes).isEqualTo(1);

        screen.selectedProperty().set(saved);
        assertThat(screen.expansionProperty().get()).isEqualTo("No joint effusion.");
        screen.expansionProperty().set("No joint effusion. The menisci are intact.");
        screen.save();
        assertThat(withTrigger(screen, ".nlknee")).isEqualTo(new Macro(saved.id(), room.attending.userId(), ".nlknee",
                "No joint effusion. The menisci are intact."));
        assertThat(changes).isEqualTo(2);

        screen.selectedProperty().set(withTrigger(screen, ".nlknee"));
        screen.delete();
        assertThat(screen.messageProperty().get()).isEqualTo("Deleted .nlknee.");
        assertThat(screen.macros()).extracting(Macro::trigger).doesNotContain(".nlknee");
        assertThat(screen.triggerProperty().get()).isEmpty();
        assertThat(changes).isEqualTo(3);
    }

    @Test
    void aBadTriggerOrALoopIsRefusedWithTheReasonAndTheFormKeepsWhatWasTyped() {
        MacroListViewModel screen = screenFor(room.attending);
        screen.triggerProperty().set("nlknee");
        screen.expansionProperty().set("No joint effusion.");
        screen.save();
        assertThat(screen.messageProperty().get()).contains("A trigger is a dot and 2 to 20 lower-case letters");
        assertThat(screen.triggerProperty().get()).isEqualTo("nlknee");

        screen.triggerProperty().set(".aa");
        screen.expansionProperty().set("See .bb");
        screen.save();
        screen.newMacro();
        screen.triggerProperty().set(".bb");
        screen.expansionProperty().set("Back to .aa");
        screen.save();

        assertThat(screen.messageProperty().get()).contains("expands to itself").contains(".aa -> .bb").contains(".bb -> .aa");
        assertThat(screen.expansionProperty().get()).isEqualTo("Back to .aa");
        assertThat(screen.macros()).extracting(Macro::trigger).contains(".aa").doesNotContain(".bb");
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void aRadiologistChangingASharedMacroGetsTheirOwnVersionAndTheSharedOneStaysForOthers() {
        MacroListViewModel screen = screenFor(room.attending);
        screen.selectedProperty().set(withTrigger(screen, ".nocomp"));
        assertThat(screen.sharedProperty().get()).isTrue();

        screen.expansionProperty().set("No prior imaging for comparison.");
        screen.save();

        assertThat(screen.messageProperty().get()).isEqualTo("Saved .nocomp.");
        assertThat(withTrigger(screen, ".nocomp").isShared()).isFalse();
        assertThat(room.scenario.workstation.macros().expanderFor(room.attending).expand(".nocomp"))
                .contains("No prior imaging for comparison.");
        assertThat(room.scenario.workstation.macros().expanderFor(room.colleague).expand(".nocomp")).contains("None available.");
    }

    @Test
    void onlyAnAdministratorSharesAMacroAndTheOpenEditorExpandsAChangedMacroAtOnce() {
        assertThat(screenFor(room.attending).mayShare()).isFalse();
        assertThat(screenFor(room.admin).mayShare()).isTrue();
        ReportEditorViewModel editor = new ReportEditorViewModel(room.reporting(), room.scenario.workstation.templates(),
                room.scenario.workstation.macros(), room.scenario.workstation.readingLocks(), room.scenario.workstation.reportDocuments(),
                tasks, room.scenario.clock, room.attending);
        MacroListViewModel screen = new MacroListViewModel(room.scenario.workstation.macros(), tasks, room.attending,
                editor::reloadMacros);
        assertThat(editor.expandMacro("Knee: .nlknee", 13)).isEmpty();

        screen.triggerProperty().set(".nlknee");
        screen.expansionProperty().set("No joint effusion.");
        screen.save();

        assertThat(editor.expandMacro("Knee: .nlknee", 13)).hasValueSatisfying(x -> assertThat(x.replacement())
                .isEqualTo("No joint effusion."));
        editor.dispose();
    }
}
