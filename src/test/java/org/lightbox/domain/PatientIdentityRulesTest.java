package org.lightbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PatientIdentityRulesTest {
    private final Clock today = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void mrnIsTrimmedAndKeepsLettersDigitsAndDashes() {
        assertThat(Mrn.of("  LB-100001 ").value()).isEqualTo("LB-100001");
    }

    @Test
    void mrnIsRequired() {
        assertThatThrownBy(() -> Mrn.of("   ")).isInstanceOf(InvalidValueException.class).hasMessage("MRN is required");
        assertThatThrownBy(() -> Mrn.of(null)).hasMessage("MRN is required");
    }

    @Test
    void mrnRefusesSpacesAndPunctuation() {
        assertThatThrownBy(() -> Mrn.of("LB 1001")).hasMessageContaining("only letters, digits and '-'");
        assertThatThrownBy(() -> Mrn.of("LB/1001")).hasMessageContaining("only letters, digits and '-'");
    }

    @Test
    void birthDateMustBeARealDate() {
        assertThatThrownBy(() -> BirthDate.parse("1954-02-30", today)).hasMessageContaining("real date written YYYY-MM-DD");
        assertThatThrownBy(() -> BirthDate.parse("12/03/1954", today)).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void birthDateCannotBeInTheFuture() {
        assertThatThrownBy(() -> BirthDate.parse("2026-11-24", today)).hasMessage("Birth date 2026-11-24 is in the future");
        assertThat(BirthDate.parse("2026-11-23", today)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void sexIsOneOfTheFourDicomCodes() {
        assertThat(Sex.of("f")).isEqualTo(Sex.FEMALE);
        assertThat(Sex.of("U")).isEqualTo(Sex.UNKNOWN);
        assertThatThrownBy(() -> Sex.of("X")).hasMessage("Sex must be one of M, F, O, U, not \"X\"");
    }

    @Test
    void namesCannotCarryDicomComponentSeparators() {
        assertThatThrownBy(() -> new PatientName("MOREAU^ALICE", "")).hasMessageContaining("^");
    }

    @Test
    void namesCompareIgnoringCaseAccentsAndSpacing() {
        assertThat(new PatientName("Müller", "Anna  Lena").sameAs(new PatientName("MULLER", "anna lena"))).isTrue();
        assertThat(new PatientName("Muller", "Anna").sameAs(new PatientName("Muller", "Anne"))).isFalse();
    }

    @Test
    void accessionFitsInDicomShortString() {
        assertThat(Accession.of("A2611230001").value()).isEqualTo("A2611230001");
        assertThatThrownBy(() -> Accession.of("A26112300010000001")).hasMessageContaining("too long (18 characters, at most 16)");
    }
}
