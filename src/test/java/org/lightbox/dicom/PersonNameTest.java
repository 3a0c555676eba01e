package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void splitsTheFiveComponentsOfTheAlphabeticGroup() {
        PersonName name = PersonName.parse("ADAMS^JOHN ROBERT^QUINCY^REV.^B.A. M.DIV.");

        assertThat(name.family()).isEqualTo("ADAMS");
        assertThat(name.given()).isEqualTo("JOHN ROBERT");
        assertThat(name.middle()).isEqualTo("QUINCY");
        assertThat(name.prefix()).isEqualTo("REV.");
        assertThat(name.suffix()).isEqualTo("B.A. M.DIV.");
        assertThat(name.raw()).isEqualTo("ADAMS^JOHN ROBERT^QUINCY^REV.^B.A. M.DIV.");
    }

    @Test
    void keepsTheIdeographicAndPhoneticGroups() {
        PersonName name = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");

        assertThat(name.family()).isEqualTo("Yamada");
        assertThat(name.ideographic()).isEqualTo("山田^太郎");
        assertThat(name.phonetic()).isEqualTo("やまだ^たろう");
    }

    @Test
    void takesTheComponentsFromTheIdeographicGroupWhenThereIsNoAlphabeticOne() {
        PersonName name = PersonName.parse("=山田^太郎");

        assertThat(name.family()).isEqualTo("山田");
        assertThat(name.given()).isEqualTo("太郎");
        assertThat(name.displayName()).isEqualTo("山田, 太郎");
    }

    @Test
    void showsFamilyNameFirstForTheWorklist() {
        assertThat(PersonName.parse("MOREAU^ALICE").displayName()).isEqualTo("MOREAU, ALICE");
        assertThat(PersonName.parse("MOREAU").displayName()).isEqualTo("MOREAU");
        assertThat(PersonName.parse("^ALICE^MARIE").displayName()).isEqualTo("ALICE MARIE");
    }

    @Test
    void treatsAnAbsentNameAsEmpty() {
        assertThat(PersonName.parse(null).isEmpty()).isTrue();
        assertThat(PersonName.parse("  ")).isEqualTo(PersonName.empty());
        assertThat(PersonName.empty().displayName()).isEmpty();
    }
}
