package org.lightbox.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.UserAccount;
import org.lightbox.domain.Actor;
import org.lightbox.domain.ModalityType;
import org.lightbox.domain.Role;
import org.lightbox.report.ImportedTemplate;
import org.lightbox.request.Modality;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.viewer.WindowPreset;

/** The Settings dialog's ViewModels without a toolkit: what the administrator types, what they are told. */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor admin;
    private final List<Duration> autoLockChanges = new ArrayList<>();
    private int macroChanges;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir.resolve("ws"));
        admin = scenario.admin();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private SettingsViewModel dialog() {
        var w = scenario.workstation;
        return new SettingsViewModel(w.settingsEditor(), w.users(), w.facilities(), w.templates(), w.macros(),
                new CurrentThreadTaskExecutor(), admin, autoLockChanges::add, () -> macroChanges++);
    }

    @Test
    void theWorklistTabShowsTheStoredDueTimesAndNamesABadOneBesideItsField() {
        WorklistSettingsViewModel worklist = dialog().worklist();
        assertThat(worklist.statProperty().get()).isEqualTo("60");
        assertThat(worklist.routineProperty().get()).isEqualTo("1440");

        worklist.statProperty().set("2");
        worklist.save();
        assertThat(worklist.errors().get(SettingsForm.STAT_MINUTES)).isEqualTo("STAT due time must be between 5 minutes and 30 days, not 2 minutes");
        assertThat(worklist.messageProperty().get()).isEqualTo("One field needs attention.");

        worklist.cancel();
        assertThat(worklist.statProperty().get()).isEqualTo("60");
        assertThat(worklist.errors().isEmpty()).isTrue();
        worklist.statProperty().set("45");
        worklist.save();
        assertThat(worklist.messageProperty().get()).startsWith("Saved. Studies reaching the worklist from now on");
        assertThat(dialog().worklist().statProperty().get()).isEqualTo("45");
    }

    @Test
    void theViewerTabFillsNineKeysAndSaysTheCacheWaitsForTheNextStart() {
        ViewerSettingsViewModel viewer = dialog().viewer();
        assertThat(viewer.presets()).hasSize(9);
        assertThat(viewer.presets().get(0).nameProperty().get()).isEqualTo("Brain");
        assertThat(viewer.presets().get(3).centerProperty().get()).isEqualTo("-600");
        assertThat(viewer.presets().get(8).nameProperty().get()).isEmpty();
        assertThat(viewer.cacheHintProperty().get()).endsWith("Takes effect at the next start of Lightbox.");

        viewer.presets().get(8).nameProperty().set("Wide");
        viewer.presets().get(8).centerProperty().set("0");
        viewer.presets().get(8).widthProperty().set("0");
        viewer.save();
        assertThat(viewer.errors().get(SettingsForm.preset(8, "width"))).isEqualTo("The width of preset Wide must be at least 1, not 0");

        viewer.presets().get(8).widthProperty().set("4000");
        viewer.save();
        assertThat(viewer.messageProperty().get()).isEqualTo("Saved. The presets apply from the next study opened in the viewer.");
        viewer.cacheMegabytesProperty().set("256");
        viewer.save();
        assertThat(viewer.messageProperty().get()).endsWith("; the new frame-cache size when Lightbox next starts.");
        assertThat(scenario.workstation.viewer().viewerSettings().ctPresets()).last().isEqualTo(new WindowPreset("Wide", 0, 4000));
    }

    @Test
    void savingTheAutoLockTellsTheOpenSession() {
        MinutesSettingViewModel autoLock = dialog().autoLock();
        assertThat(autoLock.minutesProperty().get()).isEqualTo("10");
        autoLock.minutesProperty().set("0");
        autoLock.save();
        assertThat(autoLock.errors().get(SettingsForm.IDLE_LOCK_MINUTES)).isEqualTo("Lock after must be between 1 and 240 minutes, not 0");
        assertThat(autoLockChanges).isEmpty();

        autoLock.minutesProperty().set("3");
        autoLock.save();
        assertThat(autoLockChanges).containsExactly(Duration.ofMinutes(3));
        assertThat(autoLock.messageProperty().get()).isEqualTo("Saved. The workstation locks itself after 3 idle min, from its next check.");
    }

    @Test
    void aNewAccountWithAWeakPasswordIsRefusedBesideThePasswordAndAGoodOneIsListed() {
        UsersViewModel users = dialog().users();
        users.usernameProperty().set("novak");
        users.displayNameProperty().set("Dr. Ana Novak");
        users.newRole(Role.RADIOLOGIST).set(true);
        users.passwordProperty().set("password123");
        users.createUser();
        assertThat(users.errors().get(UsersViewModel.NEW + "password")).startsWith("This password is among the first ones guessed");
        assertThat(users.usernameProperty().get()).isEqualTo("novak");

        users.passwordProperty().set("quiet river morning");
        users.createUser();
        assertThat(users.accounts()).extracting(UserAccount::username).contains("novak");
        assertThat(users.selectedProperty().get().username()).isEqualTo("novak");
        assertThat(users.selectedRole(Role.RADIOLOGIST).get()).isTrue();
        assertThat(users.usernameProperty().get()).isEmpty();
        assertThat(users.passwordProperty().get()).isEmpty();
    }

    @Test
    void anAdministratorUncheckingTheirOwnAdminRoleIsToldBesideTheRoles() {
        UsersViewModel users = dialog().users();
        users.selectedProperty().set(users.accounts().stream().filter(a -> a.username().equals("admin")).findFirst().orElseThrow());
        users.selectedRole(Role.ADMIN).set(false);
        users.selectedRole(Role.RADIOLOGIST).set(true);
        users.saveRoles();
        assertThat(users.errors().get(UsersViewModel.SELECTED + "roles"))
                .isEqualTo("You cannot remove your own administrator role: another administrator must");
        users.toggleActive();
        assertThat(users.messageProperty().get()).isEqualTo("You cannot deactivate your own account: another administrator must");
    }

    @Test
    void withACentralStoreTheUsersTabIsReadOnlyAndSaysWhere() {
        scenario.workstation.settings().write(CentralStoreSettings.KEY,
                new CentralStoreSettings("https://store.example/parse", "lightbox", null));
        UsersViewModel users = dialog().users();
        assertThat(users.readOnlyProperty().get()).isTrue();
        assertThat(users.authorityProperty().get()).startsWith("Accounts are kept by the central store (https://store.example/parse).");
        assertThat(users.accounts()).extracting(UserAccount::username).containsExactly("admin");
    }

    @Test
    void aTwentyCharacterAeTitleIsRefusedBesideTheFieldAndAGoodModalityIsListed() {
        FacilitiesViewModel facilities = dialog().facilities();
        facilities.centerNameProperty().set("North");
        facilities.saveCenter();
        assertThat(facilities.centers()).hasSize(1);
        assertThat(facilities.selectedCenterProperty().get().name()).isEqualTo("North");

        facilities.newModality();
        facilities.modalityNameProperty().set("CT North");
        facilities.modalityTypeProperty().set(ModalityType.CT);
        facilities.aeTitleProperty().set("CT_NORTH_CAMPUS_0001");
        facilities.modalityCenterProperty().set(facilities.centers().get(0));
        facilities.saveModality();
        assertThat(facilities.errors().get(FacilitiesViewModel.MODALITY + "aeTitle"))
                .isEqualTo("AE title has 20 characters; DICOM allows at most 16");
        assertThat(facilities.modalities()).isEmpty();

        facilities.aeTitleProperty().set("CTNORTH");
        facilities.saveModality();
        assertThat(facilities.modalities()).extracting(Modality::aeTitle).containsExactly("CTNORTH");
        facilities.toggleModalityActive();
        assertThat(facilities.modalities()).extracting(Modality::active).containsExactly(false);
        assertThat(facilities.messageProperty().get()).isEqualTo("CT North is no longer offered for scheduling;"
                + " requests scheduled on it keep it.");
    }

    @Test
    void aFileThatIsNotATemplateIsRefusedWithTheReasonAndARealOneCanBeRetired() throws IOException {
        TemplatesViewModel templates = dialog().templates();
        assertThat(templates.builtInProperty().get()).isEqualTo("Built in: CT Head without contrast, CT Chest with contrast,"
                + " Chest X-ray, MR Knee.");
        Path notes = dir.resolve("notes.html");
        Files.writeString(notes, "<html><body>Shopping list</body></html>");
        templates.importFile(notes);
        assertThat(templates.messageProperty().get()).startsWith("notes.html was not imported: ");
        assertThat(templates.imported()).isEmpty();

        Path file = dir.resolve("ct-abdomen.html");
        try (InputStream in = SettingsViewModelTest.class.getResourceAsStream("/org/lightbox/report/radreport-ct-abdomen.html")) {
            Files.write(file, in.readAllBytes());
        }
        templates.importFile(file);
        assertThat(templates.imported()).extracting(ImportedTemplate::sourceName).containsExactly("ct-abdomen.html");
        templates.toggleActive();
        assertThat(templates.imported()).extracting(ImportedTemplate::active).containsExactly(false);
        assertThat(templates.messageProperty().get()).endsWith("is retired: no longer offered; reports written with it are unchanged.");
    }

    @Test
    void aMacroSavedInSettingsReachesTheReportEditor() {
        var macros = dialog().macros();
        macros.triggerProperty().set(".nad");
        macros.expansionProperty().set("No acute disease.");
        macros.save();
        assertThat(macroChanges).isEqualTo(1);
        assertThat(scenario.workstation.macros().visibleTo(admin)).anySatisfy(m -> assertThat(m.trigger()).isEqualTo(".nad"));
    }
}
