package org.lightbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher fast = new PasswordHasher(1_000);

    @Test
    void productionHashesUseOwaspsPbkdf2IterationCount() {
        String stored = new PasswordHasher().hash("correct horse battery".toCharArray());
        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        assertThat(new PasswordHasher().matches("correct horse battery".toCharArray(), stored)).isTrue();
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = fast.hash("correct horse battery".toCharArray());
        assertThat(fast.matches("correct horse battery".toCharArray(), stored)).isTrue();
        assertThat(fast.matches("correct horse batterY".toCharArray(), stored)).isFalse();
        assertThat(fast.matches("".toCharArray(), stored)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfItsSalt() {
        assertThat(fast.hash("same".toCharArray())).isNotEqualTo(fast.hash("same".toCharArray()));
    }

    @Test
    void aHashKeepsWorkingAfterTheIterationCountIsRaised() {
        String old = fast.hash("secret password".toCharArray());
        assertThat(new PasswordHasher(2_000).matches("secret password".toCharArray(), old)).isTrue();
    }

    @Test
    void aDamagedStoredHashNeverMatches() {
        assertThat(fast.matches("x".toCharArray(), "plain-text-password")).isFalse();
        assertThat(fast.matches("x".toCharArray(), "pbkdf2-sha256$1000$%%%$%%%")).isFalse();
        assertThat(fast.matches("x".toCharArray(), null)).isFalse();
    }
}
