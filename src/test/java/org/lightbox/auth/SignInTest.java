package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.testing.Scenario;

class SignInTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Authenticator authenticator;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        authenticator = scenario.workstation.authenticator();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void aUserSignsInWithTheRightPasswordAndTheSignInIsAudited() {
        scenario.user("okafor", Role.RADIOLOGIST);
        Actor actor = authenticator.signIn("okafor", Scenario.PASSWORD.toCharArray());
        assertThat(actor.username()).isEqualTo("okafor");
        assertThat(actor.has(Role.RADIOLOGIST)).isTrue();
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("auth.signed_in");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameRefusalAndBothAreAudited() {
        scenario.user("okafor", Role.RADIOLOGIST);
        assertThatThrownBy(() -> authenticator.signIn("okafor", "wrong password".toCharArray()))
                .isInstanceOf(SignInRefusedException.class).hasMessage("Unknown username or wrong password");
        assertThatThrownBy(() -> authenticator.signIn("nobody", "wrong password".toCharArray()))
                .hasMessage("Unknown username or wrong password");
        assertThat(scenario.workstation.auditTrail().latest(2)).extracting(e -> e.action())
                .containsOnly("auth.sign_in_refused");
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).details()).contains("nobody");
    }

    @Test
    void usernamesAreNotCaseSensitive() {
        scenario.user("okafor", Role.RADIOLOGIST);
        assertThat(authenticator.signIn("OKAFOR", Scenario.PASSWORD.toCharArray()).username()).isEqualTo("okafor");
    }

    @Test
    void unlockingNeedsTheSignedInUsersOwnPassword() {
        Actor okafor = scenario.user("okafor", Role.RADIOLOGIST);
        scenario.user("rivera", Role.TECHNOLOGIST);
        assertThatThrownBy(() -> authenticator.unlock(okafor, "correct horse batterY".toCharArray()))
                .hasMessage("Wrong password for okafor");
        authenticator.unlock(okafor, Scenario.PASSWORD.toCharArray());
        assertThat(scenario.workstation.auditTrail().latest(1).get(0).action()).isEqualTo("auth.workstation_unlocked");
    }

    @Test
    void onlyAnAdministratorCreatesAccounts() {
        Actor radiologist = scenario.user("okafor", Role.RADIOLOGIST);
        assertThatThrownBy(() -> scenario.workstation.users().create(radiologist, "intruder", "Intruder",
                EnumSet.of(Role.ADMIN), "long enough password".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aNewAccountIsRefusedFieldByField() {
        Actor admin = scenario.admin();
        assertThatThrownBy(() -> scenario.workstation.users().create(admin, "A B", "", EnumSet.noneOf(Role.class),
                "short".toCharArray()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("username", "displayName", "roles", "password"));
        assertThatThrownBy(() -> scenario.workstation.users().create(admin, "ADMIN", "Second admin", EnumSet.of(Role.ADMIN),
                "long enough password".toCharArray())).hasMessageContaining("Username admin is taken");
    }

    @Test
    void theWorkstationLocksItselfAfterTheIdleTime() {
        IdleLock idle = new IdleLock(scenario.clock, AuthSettings.DEFAULTS.idleLockAfter());
        scenario.clock.advance(Duration.ofMinutes(9));
        assertThat(idle.isDue()).isFalse();
        idle.activity();
        scenario.clock.advance(Duration.ofMinutes(9));
        assertThat(idle.isDue()).isFalse();
        scenario.clock.advance(Duration.ofMinutes(1));
        assertThat(idle.isDue()).isTrue();
    }

    @Test
    void theIdleTimeIsConfigurableWithinSensibleBounds() {
        scenario.workstation.settings().write(AuthSettings.KEY, new AuthSettings(3));
        assertThat(scenario.workstation.settings().read(AuthSettings.KEY, AuthSettings.class, AuthSettings.DEFAULTS)
                .idleLockAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> new AuthSettings(0)).hasMessageContaining("between 1 and 240 minutes");
    }
}
