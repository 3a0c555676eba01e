package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.testing.Scenario;

/** Accounts as an administrator keeps them, and a user's own password, on a real SQLite file. */
class UserAdministrationTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private UserDirectory users;
    private Actor admin;
    private Actor okafor;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        users = scenario.workstation.users();
        admin = scenario.admin();
        okafor = scenario.user("okafor", Role.RADIOLOGIST);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private AuditEvent latest() {
        return scenario.workstation.auditTrail().latest(1).get(0);
    }

    private UserAccount account(String username) {
        return users.findByUsername(username).orElseThrow();
    }

    private boolean signsIn(String username, String password) {
        try {
            scenario.workstation.authenticator().signIn(username, password.toCharArray());
            return true;
        } catch (SignInRefusedException e) {
            return false;
        }
    }

    private static List<String> fieldsOf(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> f.field() + ": " + f.message()).toList();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void onlyAnAdministratorChangesRolesDeactivatesOrResetsPasswords() {
        Actor marsh = scenario.user("marsh", Role.SCHEDULER);
        String id = okafor.userId();
        assertThatThrownBy(() -> users.changeRoles(marsh, id, EnumSet.of(Role.ADMIN))).isInstanceOf(PermissionDeniedException.class)
                .hasMessage("Dr. Marsh (Scheduler) may not manage users");
        assertThatThrownBy(() -> users.deactivate(marsh, id)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(marsh, id, "a brand new phrase".toCharArray()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(account("okafor").roles()).containsExactly(Role.RADIOLOGIST);
        assertThat(account("okafor").active()).isTrue();
    }

    @Test
    void aWeakInitialPasswordIsRefusedWithTheReason() {
        assertThat(fieldsOf(() -> users.create(admin, "novak", "Dr. Novak", EnumSet.of(Role.RADIOLOGIST), "1234567890".toCharArray())))
                .containsExactly("password: This password is among the first ones guessed: choose another, e.g. a few unrelated words");
        assertThat(fieldsOf(() -> users.create(admin, "novak", "Dr. Novak", EnumSet.of(Role.RADIOLOGIST), "aaaaabbbbbb".toCharArray())))
                .containsExactly("password: Password must use at least 5 different characters");
        assertThat(fieldsOf(() -> users.create(admin, "novak", "Dr. Novak", EnumSet.of(Role.RADIOLOGIST), "novak-2024!".toCharArray())))
                .containsExactly("password: Password must not contain the username");
        assertThat(users.findByUsername("novak")).isEmpty();
    }

    @Test
    void rolesChangeAndTheAuditEventSaysFromWhatToWhat() {
        users.changeRoles(admin, okafor.userId(), EnumSet.of(Role.RADIOLOGIST, Role.SCHEDULER));

        assertThat(account("okafor").roles()).containsExactlyInAnyOrder(Role.RADIOLOGIST, Role.SCHEDULER);
        assertThat(latest().action()).isEqualTo("user.roles_changed");
        assertThat(latest().details()).isEqualTo("{\"from\":[\"radiologist\"],\"to\":[\"radiologist\",\"scheduler\"],"
                + "\"username\":\"okafor\"}");
        assertThat(fieldsOf(() -> users.changeRoles(admin, okafor.userId(), EnumSet.noneOf(Role.class))))
                .containsExactly("roles: Choose at least one role");
    }

    @Test
    void anAdministratorKeepsTheirOwnAdminRoleAndAccount() {
        assertThat(fieldsOf(() -> users.changeRoles(admin, admin.userId(), EnumSet.of(Role.RADIOLOGIST))))
                .containsExactly("roles: You cannot remove your own administrator role: another administrator must");
        assertThatThrownBy(() -> users.deactivate(admin, admin.userId())).isInstanceOf(DomainException.class)
                .hasMessage("You cannot deactivate your own account: another administrator must");
        assertThat(account("admin").roles()).contains(Role.ADMIN);
        assertThat(account("admin").active()).isTrue();
    }

    @Test
    void theLastActiveAdministratorRemains() {
        Actor second = scenario.user("second", Role.ADMIN);
        users.deactivate(second, admin.userId());
        assertThat(latest().action()).isEqualTo("user.deactivated");
        users.reactivate(second, admin.userId());
        assertThat(latest().action()).isEqualTo("user.reactivated");

        users.deactivate(admin, second.userId());
        // The workstation itself (first run, repairs) is the only one left who could try; it is refused too.
        assertThatThrownBy(() -> users.changeRoles(Actor.SYSTEM, admin.userId(), EnumSet.of(Role.RADIOLOGIST)))
                .hasMessage("Cannot remove the administrator role of the last active administrator: make someone else an"
                        + " administrator first");
        assertThatThrownBy(() -> users.deactivate(Actor.SYSTEM, admin.userId()))
                .hasMessageStartingWith("Cannot deactivate the last active administrator");
    }

    @Test
    void aDeactivatedAccountCannotSignInButKeepsItsHistoryAndComesBack() {
        users.deactivate(admin, okafor.userId());

        assertThat(signsIn("okafor", Scenario.PASSWORD)).isFalse();
        assertThat(users.all()).extracting(UserAccount::username).contains("okafor");
        users.reactivate(admin, okafor.userId());
        assertThat(signsIn("okafor", Scenario.PASSWORD)).isTrue();
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndIsAuditedWithoutThePassword() {
        assertThat(fieldsOf(() -> users.resetPassword(admin, okafor.userId(), "short".toCharArray())))
                .containsExactly("password: Password must have at least 10 characters");

        users.resetPassword(admin, okafor.userId(), "violet kettle harbour".toCharArray());

        assertThat(signsIn("okafor", Scenario.PASSWORD)).isFalse();
        assertThat(signsIn("okafor", "violet kettle harbour")).isTrue();
        AuditEvent reset = scenario.workstation.auditTrail().latest(3).stream()
                .filter(e -> e.action().equals("user.password_reset")).findFirst().orElseThrow();
        assertThat(reset.targetId()).isEqualTo(okafor.userId());
        assertThat(reset.details()).doesNotContain("violet");
    }

    @Test
    void everyoneChangesTheirOwnPasswordByProvingTheCurrentOne() {
        users.changeOwnPassword(okafor, Scenario.PASSWORD.toCharArray(), "amber lantern season".toCharArray(),
                "amber lantern season".toCharArray());

        assertThat(latest().action()).isEqualTo("user.password_changed");
        assertThat(signsIn("okafor", "amber lantern season")).isTrue();
        assertThat(signsIn("okafor", Scenario.PASSWORD)).isFalse();
    }

    @Test
    void aWrongCurrentPasswordAWeakOneAndAMismatchAreEachNamedOnTheirField() {
        List<String> errors = fieldsOf(() -> users.changeOwnPassword(okafor, "not my password".toCharArray(),
                "short".toCharArray(), "shorter".toCharArray()));

        assertThat(errors).containsExactly("currentPassword: This is not your current password",
                "newPassword: Password must have at least 10 characters", "confirmPassword: The two new passwords differ");
        assertThat(scenario.workstation.auditTrail().latest(2)).extracting(AuditEvent::action)
                .contains("user.password_change_refused");
        assertThat(fieldsOf(() -> users.changeOwnPassword(okafor, Scenario.PASSWORD.toCharArray(),
                Scenario.PASSWORD.toCharArray(), Scenario.PASSWORD.toCharArray())))
                .containsExactly("newPassword: The new password must differ from the current one");
        assertThat(signsIn("okafor", Scenario.PASSWORD)).isTrue();
    }

    @Test
    void withACentralStoreTheAccountsAreChangedThereNotHere() {
        scenario.workstation.settings().write(CentralStoreSettings.KEY,
                new CentralStoreSettings("https://store.example/parse", "lightbox", null));
        String expected = "Accounts are kept by the central store (https://store.example/parse): add and change users there;"
                + " this workstation follows it";

        assertThatThrownBy(() -> users.create(admin, "novak", "Dr. Novak", EnumSet.of(Role.RADIOLOGIST),
                "violet kettle harbour".toCharArray())).isInstanceOf(DomainException.class).hasMessage(expected);
        assertThatThrownBy(() -> users.changeRoles(admin, okafor.userId(), EnumSet.of(Role.ADMIN))).hasMessage(expected);
        assertThatThrownBy(() -> users.deactivate(admin, okafor.userId())).hasMessage(expected);
        assertThatThrownBy(() -> users.resetPassword(admin, okafor.userId(), "violet kettle harbour".toCharArray()))
                .hasMessage(expected);
        assertThatThrownBy(() -> users.changeOwnPassword(okafor, Scenario.PASSWORD.toCharArray(),
                "amber lantern season".toCharArray(), "amber lantern season".toCharArray()))
                .hasMessageStartingWith("Your password is kept by the central store (https://store.example/parse): change it there");
        assertThat(users.centralStore()).contains("https://store.example/parse");
        assertThat(account("okafor").roles()).containsExactly(Role.RADIOLOGIST);
        assertThat(signsIn("okafor", Scenario.PASSWORD)).isTrue();
    }
}
