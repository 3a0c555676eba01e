package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.LockScreenViewModel;
import org.lightbox.auth.SignInViewModel;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;
import org.lightbox.worklist.WorklistViewModel;

class ShellViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private ShellViewModel shell;

    @BeforeEach
    void signIn() {
        scenario = new Scenario(dir);
        scenario.user("okafor", Role.RADIOLOGIST);
        shell = new ShellViewModel(scenario.workstation, tasks);
        SignInViewModel signIn = shell.signInViewModel();
        signIn.usernameProperty().set("okafor");
        signIn.passwordProperty().set(Scenario.PASSWORD);
        signIn.signIn();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void signingInShowsTheUserAndWhatWaitsToSync() {
        assertThat(shell.actorProperty().get().username()).isEqualTo("okafor");
        long waiting = scenario.workstation.outbox().waiting();
        assertThat(waiting).isPositive();
        assertThat(shell.syncStatus().waitingTextProperty().get()).startsWith(waiting + " changes waiting");
    }

    @Test
    void tenIdleMinutesLockTheWorkstationAndActivityKeepsItOpen() {
        scenario.clock.advance(Duration.ofMinutes(9));
        shell.activity();
        scenario.clock.advance(Duration.ofMinutes(9));
        tasks.tick();
        assertThat(shell.lockedProperty().get()).isFalse();
        scenario.clock.advance(Duration.ofMinutes(1));
        tasks.tick();
        assertThat(shell.lockedProperty().get()).isTrue();
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).details()).contains("idle for 10 min");
    }

    @Test
    void onlyTheRightPasswordUnlocks() {
        shell.lock("locked by the user");
        LockScreenViewModel lock = shell.lockScreenViewModel();
        lock.passwordProperty().set("wrong");
        lock.unlock();
        assertThat(shell.lockedProperty().get()).isTrue();
        assertThat(lock.messageProperty().get()).isEqualTo("Wrong password for okafor");
        lock.passwordProperty().set(Scenario.PASSWORD);
        lock.unlock();
        assertThat(shell.lockedProperty().get()).isFalse();
    }

    @Test
    void signingOutFromTheLockScreenReturnsToSignIn() {
        shell.lock("locked by the user");
        shell.lockScreenViewModel().signOut();
        assertThat(shell.actorProperty().get()).isNull();
        assertThat(shell.lockedProperty().get()).isFalse();
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("auth.signed_out");
    }

    @Test
    void openingARequestIsAuditedAndShowsItsDetails() {
        var study = scenario.performed(scenario.admin(), "LB-1", "Moreau", "stat", Duration.ZERO);
        WorklistViewModel worklist = shell.worklistViewModel();
        worklist.refresh();
        worklist.selectedProperty().set(worklist.rows().get(0));
        worklist.open();
        assertThat(shell.openedProperty().get().request().id()).isEqualTo(study.id());
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("request.opened");
    }
}
