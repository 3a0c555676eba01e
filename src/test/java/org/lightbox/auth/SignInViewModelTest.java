package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;
import org.lightbox.ui.CurrentThreadTaskExecutor;

class SignInViewModelTest {
    @TempDir
    Path dir;
    private Scenario scenario;
    private final List<Actor> signedIn = new ArrayList<>();
    private SignInViewModel model;

    @BeforeEach
    void open() {
        scenario = new Scenario(dir);
        scenario.user("okafor", Role.RADIOLOGIST);
        model = new SignInViewModel(scenario.workstation.authenticator(), new CurrentThreadTaskExecutor(), signedIn::add);
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    @Test
    void signInIsOfferedOnlyOnceBothFieldsAreFilled() {
        assertThat(model.canSignInProperty().get()).isFalse();
        model.usernameProperty().set("okafor");
        assertThat(model.canSignInProperty().get()).isFalse();
        model.passwordProperty().set("x");
        assertThat(model.canSignInProperty().get()).isTrue();
    }

    @Test
    void theRightPasswordSignsTheUserIn() {
        model.usernameProperty().set("okafor");
        model.passwordProperty().set(Scenario.PASSWORD);
        model.signIn();
        assertThat(signedIn).extracting(Actor::username).containsExactly("okafor");
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aWrongPasswordSaysSoAndClearsThePasswordField() {
        model.usernameProperty().set("okafor");
        model.passwordProperty().set("wrong");
        model.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Unknown username or wrong password");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }
}
