package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

/** "Change my password" without a toolkit: the refusal beside each field, the fields emptied once it is done. */
class ChangePasswordViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor technologist;
    private int changed;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        technologist = scenario.user("rivera", Role.TECHNOLOGIST);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private ChangePasswordViewModel form() {
        return new ChangePasswordViewModel(scenario.workstation.users(), new CurrentThreadTaskExecutor(), technologist, () -> changed++);
    }

    @Test
    void eachProblemIsShownBesideItsFieldAndNothingChanges() {
        ChangePasswordViewModel form = form();
        form.currentProperty().set("wrong password");
        form.passwordProperty().set("rivera the tech");
        form.confirmationProperty().set("rivera the tech!");
        form.submit();

        assertThat(form.errors().get(ChangePasswordViewModel.CURRENT)).isEqualTo("This is not your current password");
        assertThat(form.errors().get(ChangePasswordViewModel.NEW)).isEqualTo("Password must not contain the username");
        assertThat(form.errors().get(ChangePasswordViewModel.CONFIRM)).isEqualTo("The two new passwords differ");
        assertThat(form.messageProperty().get()).isEqualTo("3 fields need attention.");
        assertThat(changed).isZero();
    }

    @Test
    void aGoodChangeEmptiesTheFormAndTheNewPasswordSignsIn() {
        ChangePasswordViewModel form = form();
        form.currentProperty().set(Scenario.PASSWORD);
        form.passwordProperty().set("copper meadow tunnel");
        form.confirmationProperty().set("copper meadow tunnel");
        form.submit();

        assertThat(changed).isEqualTo(1);
        assertThat(form.currentProperty().get()).isEmpty();
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(form.messageProperty().get()).isEqualTo("Password changed: use the new one from now on.");
        assertThat(scenario.workstation.authenticator().signIn("rivera", "copper meadow tunnel".toCharArray()).username())
                .isEqualTo("rivera");
    }

    @Test
    void withACentralStoreTheFormSaysWhereToChangeIt() {
        scenario.workstation.settings().write(CentralStoreSettings.KEY,
                new CentralStoreSettings("https://store.example/parse", "lightbox", null));
        ChangePasswordViewModel form = form();
        form.currentProperty().set(Scenario.PASSWORD);
        form.passwordProperty().set("copper meadow tunnel");
        form.confirmationProperty().set("copper meadow tunnel");
        form.submit();
        assertThat(form.messageProperty().get()).startsWith("Your password is kept by the central store (https://store.example/parse)");
        assertThat(changed).isZero();
    }
}
