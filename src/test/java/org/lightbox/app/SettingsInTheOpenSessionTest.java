package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.SignInViewModel;
import org.lightbox.domain.Role;
import org.lightbox.settings.MinutesSettingViewModel;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** Settings saved by an administrator take effect in the session that is open, without signing in again. */
class SettingsInTheOpenSessionTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();

    @AfterEach
    void close() {
        scenario.close();
    }

    private ShellViewModel signedIn(String username) {
        ShellViewModel shell = new ShellViewModel(scenario.workstation, tasks);
        SignInViewModel signIn = shell.signInViewModel();
        signIn.usernameProperty().set(username);
        signIn.passwordProperty().set(Scenario.PASSWORD);
        signIn.signIn();
        return shell;
    }

    @Test
    void aShorterAutoLockAppliesFromTheNextIdleCheck() {
        scenario = new Scenario(dir);
        scenario.admin();
        ShellViewModel shell = signedIn("admin");
        assertThat(shell.canOpenSettings()).isTrue();

        MinutesSettingViewModel autoLock = shell.settingsViewModel(() -> { }).autoLock();
        autoLock.minutesProperty().set("3");
        autoLock.save();
        scenario.clock.advance(Duration.ofMinutes(3));
        tasks.tick();

        assertThat(shell.lockedProperty().get()).isTrue();
    }

    @Test
    void onlyAnAdministratorIsOfferedTheSettings() {
        scenario = new Scenario(dir);
        scenario.user("okafor", Role.RADIOLOGIST);
        assertThat(signedIn("okafor").canOpenSettings()).isFalse();
    }
}
