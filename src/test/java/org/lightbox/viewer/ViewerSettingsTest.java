package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.settings.PresetInput;
import org.lightbox.testing.MutableClock;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.viewer.testing.CapturedLog;

/** The viewer's settings: what is refused and why, and that a bad stored setting never keeps the workstation shut. */
class ViewerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aPresetNeedsANameAndAWidthOfAtLeastOne() {
        assertThatThrownBy(() -> new WindowPreset(" ", 40, 80)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new WindowPreset("Lung", -600, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("The width of preset Lung must be at least 1, not 0");
        assertThat(new WindowPreset("Stroke", 40, 1).window()).isEqualTo(new WindowLevel(40, 1));
    }

    @Test
    void theCacheIsSizedFromTheMemoryOrBetweenItsBounds() {
        assertThatThrownBy(() -> new ViewerSettings(List.of(), 10, 0, 15, 3)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("The frame cache must be 0 (automatic) or between 64").hasMessageEndingWith("not 10");
        assertThatThrownBy(() -> new ViewerSettings(List.of(), -1, 0, 15, 3)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ViewerSettings(List.of(), 2_000_000, 0, 15, 3)).isInstanceOf(InvalidValueException.class);
        assertThat(new ViewerSettings(List.of(), 0, 0, 15, 3).cacheMegabytes()).isZero();
        assertThat(new ViewerSettings(List.of(), 2048, 0, 15, 3).cacheMegabytes()).isEqualTo(2048);
    }

    @Test
    void aBadStoredPresetOpensTheWorkstationWithTheDefaultsAndSaysWhatToFix() {
        try (Scenario scenario = new Scenario(dir)) {
            scenario.admin();
            // As a hand edit or an older version could leave it: a preset 0 wide.
            scenario.workstation.settings().write(ViewerSettings.KEY, Map.of("ctPresets",
                    List.of(Map.of("name", "Lung", "center", -600, "width", 0)), "cacheMegabytes", 0, "decodeThreads", 0,
                    "cineFps", 15, "idlePrefetchStudies", 3));
        }
        try (CapturedLog log = new CapturedLog(ViewerSettings.class);
             Workstation reopened = Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000))) {
            assertThat(reopened.viewer().viewerSettings()).isEqualTo(ViewerSettings.DEFAULTS);
            assertThat(log.warnings()).first().asString().contains("The width of preset Lung must be at least 1, not 0")
                    .contains("Settings");
            ViewerViewModel viewer = new ViewerViewModel(reopened.viewer(), new CurrentThreadTaskExecutor(), Actor.SYSTEM,
                    ZoneOffset.UTC);
            assertThat(viewer.statusProperty().get()).contains("width of preset Lung").contains("defaults");
            assertThat(viewer.presets()).isEqualTo(ViewerSettings.DEFAULT_CT_PRESETS);
            viewer.dispose();

            // The administrator's Settings dialog shows the defaults; saving them mends what is stored.
            Actor admin = reopened.users().findByUsername("admin").orElseThrow().asActor();
            assertThat(reopened.settingsEditor().viewer()).isEqualTo(ViewerSettings.DEFAULTS);
            List<PresetInput> rows = new ArrayList<>(ViewerSettings.DEFAULT_CT_PRESETS.stream()
                    .map(p -> new PresetInput(p.name(), Long.toString((long) p.center()), Long.toString((long) p.width())))
                    .toList());
            rows.add(new PresetInput("", "", ""));
            reopened.settingsEditor().saveViewer(admin, rows, "0");
            assertThat(ViewerSettings.read(reopened.settings()).problem()).isEmpty();
        }
    }
}
