package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lightbox.domain.InvalidValueException;

class PasswordStrengthTest {
    private static void refused(String password, String why) {
        assertThatThrownBy(() -> PasswordStrength.check("okafor", password.toCharArray()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(why);
    }

    @Test
    void aLongPasswordWithLettersAndDigitsOrSymbolsIsAccepted() {
        assertThatCode(() -> PasswordStrength.check("okafor", "lamp post 7 harbour".toCharArray())).doesNotThrowAnyException();
        assertThatCode(() -> PasswordStrength.check("okafor", "Film-viewer-42".toCharArray())).doesNotThrowAnyException();
    }

    @Test
    void shortOnlyLettersRepetitiveOrTheUsernameAreRefusedSayingWhy() {
        refused("Film-42", "at least 12 characters (this has 7)");
        refused("filmviewerlamp", "Mix letters with digits or symbols");
        refused("123456789012", "Mix letters with digits or symbols");
        refused("ab12ab12ab12ab12", "Too repetitive");
        refused("Okafor-2024-x", "must not contain the username");
    }
}
