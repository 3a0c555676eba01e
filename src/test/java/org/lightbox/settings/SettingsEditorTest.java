package org.lightbox.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.domain.Actor;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Priority;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.testing.Scenario;
import org.lightbox.viewer.ViewerSettings;
import org.lightbox.viewer.WindowPreset;

/** The administrator's settings, on a real SQLite file: refused for others, validated field by field, audited. */
class SettingsEditorTest {
    private static final long TWO_GIGABYTES = 2048L * 1024 * 1024;

    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor admin;
    private SettingsEditor editor;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        admin = scenario.admin();
        var w = scenario.workstation;
        editor = new SettingsEditor(w.database(), w.settings(), w.audit(), () -> TWO_GIGABYTES);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private static List<FieldError> errorsOf(Runnable save) {
        try {
            save.run();
        } catch (ValidationException e) {
            return e.errors();
        }
        throw new AssertionError("the save was not refused");
    }

    private static String messageFor(List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + errors));
    }

    private List<PresetInput> presetRows(PresetInput... filled) {
        List<PresetInput> rows = new ArrayList<>(List.of(filled));
        rows.addAll(Collections.nCopies(ViewerSettings.MAX_PRESETS - filled.length, new PresetInput("", "", "")));
        return rows;
    }

    private JsonNode latestDetails() throws Exception {
        return new ObjectMapper().readTree(scenario.workstation.auditTrail().latest(1).get(0).details());
    }

    @Test
    void aRadiologistMayChangeNoSettingWhateverTheyType() {
        Actor radiologist = scenario.user("okafor", Role.RADIOLOGIST);
        long events = scenario.workstation.auditTrail().latest(1000).size();

        assertThatThrownBy(() -> editor.saveDueTimes(radiologist, "30", "120", "600"))
                .isInstanceOf(PermissionDeniedException.class).hasMessage("Dr. Okafor (Radiologist) may not change settings");
        // The permission is checked before the form: a bad value does not turn the refusal into a form error.
        assertThatThrownBy(() -> editor.saveDueTimes(radiologist, "2", "x", ""))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> editor.saveViewer(radiologist, presetRows(), "0")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> editor.saveAutoLock(radiologist, "5")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> editor.saveReadingLock(radiologist, "5")).isInstanceOf(PermissionDeniedException.class);

        assertThat(editor.dueTimes()).isEqualTo(org.lightbox.worklist.DueTimeRules.DEFAULTS);
        assertThat(scenario.workstation.auditTrail().latest(1000)).hasSize((int) events);
    }

    @Test
    void dueTimesAreRefusedFieldByFieldAndNothingIsStored() {
        List<FieldError> errors = errorsOf(() -> editor.saveDueTimes(admin, "2", "four hours", ""));

        assertThat(messageFor(errors, SettingsForm.STAT_MINUTES))
                .isEqualTo("STAT due time must be between 5 minutes and 30 days, not 2 minutes");
        assertThat(messageFor(errors, SettingsForm.URGENT_MINUTES)).isEqualTo("Urgent due time must be a whole number, not \"four hours\"");
        assertThat(messageFor(errors, SettingsForm.ROUTINE_MINUTES)).isEqualTo("Routine due time is required");
        assertThat(editor.dueTimes()).isEqualTo(org.lightbox.worklist.DueTimeRules.DEFAULTS);
    }

    @Test
    void aStatStudyCannotBeAllowedToWaitLongerThanAnUrgentOne() {
        List<FieldError> errors = errorsOf(() -> editor.saveDueTimes(admin, "300", "120", "1440"));
        assertThat(errors).extracting(FieldError::field).containsExactly(SettingsForm.URGENT_MINUTES);
        assertThat(errors.get(0).message()).isEqualTo("Urgent must not be due sooner than STAT (300 min)");
    }

    @Test
    void newDueTimesApplyToTheNextScanAndTheChangeIsAuditedWithOldAndNewValues() throws Exception {
        editor.saveDueTimes(admin, " 30 ", "120", "600");

        AuditEvent event = scenario.workstation.auditTrail().latest(1).get(0);
        assertThat(event.action()).isEqualTo("settings.changed");
        assertThat(event.actorName()).isEqualTo("admin");
        JsonNode details = latestDetails();
        assertThat(details.path("key").asText()).isEqualTo("worklist.due-times");
        assertThat(details.path("old").path("statMinutes").asInt()).isEqualTo(60);
        assertThat(details.path("new").path("statMinutes").asInt()).isEqualTo(30);
        assertThat(scenario.workstation.worklistItems().dueTimeRules().dueAfter(Priority.STAT)).isEqualTo(Duration.ofMinutes(30));
        assertThat(scenario.workstation.auditTrail().verify().isIntact()).isTrue();
    }

    @Test
    void savingUnchangedValuesWritesNoAuditEvent() {
        int before = scenario.workstation.auditTrail().latest(1000).size();
        editor.saveDueTimes(admin, "60", "240", "1440");
        assertThat(scenario.workstation.auditTrail().latest(1000)).hasSize(before);
    }

    @Test
    void aPresetWithoutWidthOrWithAWidthOfZeroIsNamedOnItsRow() {
        List<FieldError> errors = errorsOf(() -> editor.saveViewer(admin, presetRows(
                new PresetInput("Brain", "40", "80"),
                new PresetInput("Flat", "40", "0"),
                new PresetInput("", "50", "350"),
                new PresetInput("Lung", "minus six hundred", "1500"),
                new PresetInput("brain", "30", "90")), "0"));

        assertThat(messageFor(errors, SettingsForm.preset(1, "width"))).isEqualTo("The width of preset Flat must be at least 1, not 0");
        assertThat(messageFor(errors, SettingsForm.preset(2, "name"))).isEqualTo("Preset name is required");
        assertThat(messageFor(errors, SettingsForm.preset(3, "center"))).isEqualTo("Centre must be a number, not \"minus six hundred\"");
        assertThat(messageFor(errors, SettingsForm.preset(4, "name"))).isEqualTo("Another preset is named brain");
        assertThat(errors).extracting(FieldError::field).doesNotContain(SettingsForm.preset(0, "width"));
        assertThat(editor.viewer()).isEqualTo(ViewerSettings.DEFAULTS);
    }

    @Test
    void theFrameCacheIsBoundedByTheMemoryOfThisWorkstation() {
        CacheLimits limits = editor.cacheLimits();
        assertThat(limits.maxMegabytes()).isEqualTo(1638);
        assertThat(limits.automaticMegabytes()).isEqualTo(768);

        List<FieldError> tooBig = errorsOf(() -> editor.saveViewer(admin, presetRows(new PresetInput("Brain", "40", "80")), "4000"));
        assertThat(messageFor(tooBig, SettingsForm.CACHE_MEGABYTES)).isEqualTo("Frame cache must be 0 (automatic) or between 64 and"
                + " 1638 MB on this workstation (80% of the memory Lightbox may use), not 4000");
        List<FieldError> tooSmall = errorsOf(() -> editor.saveViewer(admin, presetRows(), "10"));
        assertThat(messageFor(tooSmall, SettingsForm.CACHE_MEGABYTES)).contains("between 64 and 1638 MB");
    }

    @Test
    void presetsAndCacheAreSavedInKeyOrderKeepingTheViewerSettingsTheDialogDoesNotShow() throws Exception {
        scenario.workstation.settings().write(ViewerSettings.KEY, new ViewerSettings(ViewerSettings.DEFAULT_CT_PRESETS, 0, 2, 24, 1));

        editor.saveViewer(admin, List.of(new PresetInput("Brain", "40", "80"), new PresetInput("", "", ""),
                new PresetInput("Wide bone", "500", "2500"), new PresetInput("", "", ""), new PresetInput("", "", ""),
                new PresetInput("", "", ""), new PresetInput("", "", ""), new PresetInput("", "", ""),
                new PresetInput("", "", "")), "512");

        ViewerSettings saved = scenario.workstation.viewer().viewerSettings();
        assertThat(saved.ctPresets()).containsExactly(new WindowPreset("Brain", 40, 80), new WindowPreset("Wide bone", 500, 2500));
        assertThat(saved.cacheMegabytes()).isEqualTo(512);
        assertThat(saved.decodeThreads()).isEqualTo(2);
        assertThat(saved.cineFps()).isEqualTo(24);
        assertThat(latestDetails().path("new").path("cacheMegabytes").asInt()).isEqualTo(512);
    }

    @Test
    void theLockTimesAreRefusedOutsideTheirBoundsAndAuditedWhenChanged() throws Exception {
        assertThat(messageFor(errorsOf(() -> editor.saveAutoLock(admin, "0")), SettingsForm.IDLE_LOCK_MINUTES))
                .isEqualTo("Lock after must be between 1 and 240 minutes, not 0");
        assertThat(messageFor(errorsOf(() -> editor.saveReadingLock(admin, "999")), SettingsForm.READING_LOCK_MINUTES))
                .isEqualTo("The reading lock idle time must be between 1 and 240 minutes, not 999");

        editor.saveAutoLock(admin, "3");
        assertThat(latestDetails().path("key").asText()).isEqualTo("auth.idle-lock");
        editor.saveReadingLock(admin, "20");
        assertThat(latestDetails().path("new").path("lockIdleMinutes").asInt()).isEqualTo(20);
        assertThat(scenario.workstation.reporting().settings().lockLease()).isEqualTo(Duration.ofMinutes(20));
        assertThat(editor.autoLock().idleLockAfter()).isEqualTo(Duration.ofMinutes(3));
    }
}
