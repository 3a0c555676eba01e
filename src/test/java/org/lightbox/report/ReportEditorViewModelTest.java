package org.lightbox.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.report.testing.ReadingRoom;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** The editor's draft handling without a screen: autosave on the tick and on focus change, and what it says. */
class ReportEditorViewModelTest {
    @TempDir
    Path dir;
    ReadingRoom room;
    CurrentThreadTaskExecutor tasks;
    ImagingRequest study;

    @BeforeEach
    void setUp() {
        room = new ReadingRoom(dir);
        tasks = new CurrentThreadTaskExecutor();
        study = room.scannedStudy();
    }

    @AfterEach
    void close() {
        room.close();
    }

    private ReportEditorViewModel editorFor(Actor actor) {
        ReportEditorViewModel editor = new ReportEditorViewModel(room.reporting(), room.scenario.workstation.templates(),
                room.scenario.workstation.macros(), room.scenario.workstation.readingLocks(), room.scenario.workstation.reportDocuments(),
                tasks, room.scenario.clock, actor);
        editor.open(room.scenario.workstation.requests().open(actor, study.id()));
        return editor;
    }

    private String savedFindings() {
        return room.reporting().reportOf(study.id()).orElseThrow().sections().findings();
    }

    @Test
    void aKeystrokeIsSavedAtTheNextTickAndTheEditorSaysHowLongAgo() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.FINDINGS).set("No haemorrhage.");
        assertThat(editor.saveStateProperty().get()).isEqualTo("Unsaved changes");

        tasks.tick();
        assertThat(savedFindings()).isEqualTo("No haemorrhage.");
        assertThat(editor.saveStateProperty().get()).isEqualTo("Saved just now");

        room.scenario.clock.advance(Duration.ofSeconds(3));
        tasks.tick();
        assertThat(editor.saveStateProperty().get()).isEqualTo("Saved 3 s ago");
    }

    @Test
    void aFocusChangeSavesAtOnceAndClosingTheStudySavesAndFreesIt() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.IMPRESSION).set("Normal.");
        editor.flush();
        assertThat(room.reporting().reportOf(study.id()).orElseThrow().sections().impression()).isEqualTo("Normal.");

        editor.sectionProperty(ReportSection.FINDINGS).set("Typed just before closing.");
        editor.dispose();

        assertThat(savedFindings()).isEqualTo("Typed just before closing.");
        assertThat(room.reporting().open(room.colleague, study.id()).lockedBy()).isNull();
    }

    @Test
    void closingTheWindowSavesTheLastWordsBeforeTheProcessEnds() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.FINDINGS).set("Last words before the window closed.");

        editor.closeNow();

        assertThat(savedFindings()).isEqualTo("Last words before the window closed.");
        assertThat(room.reporting().open(room.colleague, study.id()).lockedBy()).isNull();
    }

    @Test
    void aSaveRefusedBecauseSomeoneElseHasTheStudyKeepsTheTextInTheEditorAndSaysWhy() {
        ReportEditorViewModel editor = editorFor(room.attending);
        room.scenario.workstation.readingLocks().breakLock(room.admin, study.id(), "testing");
        room.scenario.workstation.readingLocks().acquire(room.colleague, study.id(), Duration.ofMinutes(10));

        editor.sectionProperty(ReportSection.FINDINGS).set("Words that must not be lost.");
        tasks.tick();

        assertThat(editor.noticeProperty().get()).startsWith("Dr. Colin holds the reading lock now. The draft is kept as last saved")
                .endsWith("Your last changes, still shown here, were not saved.");
        assertThat(editor.editableProperty().get()).isFalse();
        assertThat(editor.sectionProperty(ReportSection.FINDINGS).get()).isEqualTo("Words that must not be lost.");
        assertThat(savedFindings()).isEmpty();
    }

    @Test
    void theEditorRenewsTheLockWhileItIsUsedAndLetsItLapseWhenIdle() {
        Duration lease = room.reporting().settings().lockLease();
        ReportEditorViewModel editor = editorFor(room.attending);

        room.scenario.clock.advance(lease.minusMinutes(1));
        editor.activity();
        tasks.tick();
        room.scenario.clock.advance(Duration.ofMinutes(2));
        assertThat(room.reporting().open(room.colleague, study.id()).lockedBy()).isEqualTo(room.attending.displayName());

        tasks.tick();
        room.scenario.clock.advance(lease);
        assertThat(room.reporting().open(room.colleague, study.id()).lockedBy()).isNull();
    }

    @Test
    void afterAnAdministratorBreaksTheLockTheNextRenewalDoesNotTakeItBackAndTheEditorTurnsReadOnly() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.FINDINGS).set("Saved before the break.");
        tasks.tick();
        room.scenario.workstation.readingLocks().breakLock(room.admin, study.id(), "Dr. Grace went home");

        editor.activity();
        tasks.tick();

        assertThat(room.scenario.workstation.worklist().snapshot().entries()).singleElement()
                .satisfies(e -> assertThat(e.lockHolderId()).isNull());
        assertThat(editor.editableProperty().get()).isFalse();
        assertThat(editor.canSignProperty().get()).isFalse();
        assertThat(editor.noticeProperty().get()).isEqualTo("Reading lock broken by Dr. Admin at 09:00 (Dr. Grace went home)."
                + " The draft is kept as last saved; open the study again from the worklist to go on.");
        assertThat(editor.sectionProperty(ReportSection.FINDINGS).get()).isEqualTo("Saved before the break.");
        assertThat(savedFindings()).isEqualTo("Saved before the break.");

        editor.open(room.scenario.workstation.requests().open(room.attending, study.id()));
        assertThat(editor.editableProperty().get()).isTrue();
        assertThat(editor.noticeProperty().get()).isEmpty();
    }

    @Test
    void someoneElsesStudyOpensReadOnlyWithWhoIsReadingIt() {
        editorFor(room.attending);

        ReportEditorViewModel other = editorFor(room.colleague);

        assertThat(other.editableProperty().get()).isFalse();
        assertThat(other.lockedByProperty().get()).isEqualTo(room.attending.displayName());
        assertThat(other.noticeProperty().get()).isEqualTo("Being read by " + room.attending.displayName() + ".");
        assertThat(other.canSignProperty().get()).isFalse();
        ReportEditorViewModel admin = editorFor(room.admin);
        assertThat(admin.canBreakLockProperty().get()).isTrue();
        admin.breakLock("Dr. Grace is off sick");
        assertThat(admin.lockedByProperty().get()).isEmpty();
    }

    @Test
    void theAddendumIsOfferedOnlyToThoseWhoMaySignOne() {
        Report draft = room.reporting().open(room.attending, study.id()).report();
        room.reporting().sign(room.attending, draft.id(), new SigningRequest(new ReportSections("", "", "", "", "Normal."), false,
                null, false), room.password());

        ReportEditorViewModel residents = editorFor(room.resident);
        assertThat(residents.mayAmendProperty().get()).isFalse();
        assertThat(residents.noticeProperty().get()).startsWith("An addendum to this report is signed by a radiologist who may");
        ReportEditorViewModel colleagues = editorFor(room.colleague);
        assertThat(colleagues.mayAmendProperty().get()).isTrue();
        colleagues.addendumProperty().set("Incidental thyroid nodule.");
        assertThat(colleagues.canAddAddendumProperty().get()).isTrue();
    }

    @Test
    void anImportedTemplateJoinsTheListAndAFileThatIsNotOneIsRefusedWithTheDraftUntouched() throws IOException {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.FINDINGS).set("Liver normal.");
        Path template = dir.resolve("ct-abdomen.html");
        try (InputStream in = ReportEditorViewModelTest.class.getResourceAsStream("radreport-ct-abdomen.html")) {
            Files.copy(in, template);
        }
        Path notes = dir.resolve("notes.html");
        Files.writeString(notes, "<html><body><p>Lunch at noon.</p></body></html>");

        editor.importTemplate(template);

        assertThat(editor.messageProperty().get()).isEqualTo("Imported template CT Abdomen Pelvis.");
        assertThat(editor.templateProperty().get().title()).isEqualTo("CT Abdomen Pelvis");
        assertThat(editor.templates()).extracting(ReportTemplate::title).contains("CT Abdomen Pelvis", "CT Head without contrast");

        int before = editor.templates().size();
        editor.importTemplate(notes);

        assertThat(editor.messageProperty().get()).startsWith("notes.html has no <section> elements");
        assertThat(editor.templates()).hasSize(before);
        assertThat(editor.templateProperty().get().title()).isEqualTo("CT Abdomen Pelvis");
        assertThat(editor.sectionProperty(ReportSection.FINDINGS).get()).isEqualTo("Liver normal.");
    }

    @Test
    void aNotificationTimeThatDoesNotParseIsSaidAndTheTypedPasswordStays() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.IMPRESSION).set("Acute subdural haematoma.");
        editor.criticalProperty().set(true);
        editor.signForm().notifiedWhomProperty().set("Dr. Marsh");
        editor.signForm().notifiedAtProperty().set("ten past nine");
        editor.signForm().passwordProperty().set(Scenario.PASSWORD);

        editor.sign();

        assertThat(editor.messageProperty().get()).isEqualTo("Notified at: write the time as yyyy-MM-dd HH:mm or HH:mm");
        assertThat(editor.signForm().passwordProperty().get()).isEqualTo(Scenario.PASSWORD);
        assertThat(room.reporting().reportOf(study.id()).orElseThrow().status()).isEqualTo(ReportStatus.DRAFT);

        editor.signForm().notifiedAtProperty().set("08:55");
        editor.sign();
        assertThat(editor.messageProperty().get()).isEqualTo("Signed.");
        assertThat(editor.signForm().passwordProperty().get()).isEmpty();
    }

    @Test
    void tabFindsTheNextFieldAcrossSectionsAndAMacroLoopLeavesTheTextAlone() {
        ReportEditorViewModel editor = editorFor(room.attending);
        editor.sectionProperty(ReportSection.COMPARISON).set("[[?Comparison]]");
        editor.sectionProperty(ReportSection.IMPRESSION).set("Impression: [[!Impression]]");

        ReportEditorViewModel.FieldTarget first = editor.nextField(ReportSection.INDICATION, 0, true).orElseThrow();
        ReportEditorViewModel.FieldTarget second = editor.nextField(ReportSection.COMPARISON, first.token().end(), true).orElseThrow();

        assertThat(first.section()).isEqualTo(ReportSection.COMPARISON);
        assertThat(second.section()).isEqualTo(ReportSection.IMPRESSION);
        assertThat(second.token().start()).isEqualTo(12);
        room.scenario.workstation.database().update(tx -> org.lightbox.store.Sql.update(tx,
                "INSERT INTO report_macro(id, owner_id, trigger, expansion, created_at, updated_at) VALUES"
                        + " ('l1', ?, '.loop', 'again .loop', 0, 0)", room.attending.userId()));
        editor.reloadMacros();
        assertThat(editor.expandMacro("Findings .loop", 14)).isEmpty();
        assertThat(editor.messageProperty().get()).contains("expands to itself");
    }
}
