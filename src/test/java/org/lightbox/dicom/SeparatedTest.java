package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeparatedTest {

    @Test
    void splitsAsStringSplitDoesWithEmptyPartsKept() {
        for (String text : new String[] {"", "ORIGINAL", "ORIGINAL\\PRIMARY\\AXIAL", "0.5\\0.5", "\\", "\\\\", "a\\",
                "\\a", "a\\\\b", " 1 \\ 2 "}) {
            assertThat(Separated.parts(text, '\\')).as("\"%s\"", text).containsExactly(text.split("\\\\", -1));
        }
        assertThat(Separated.parts("Yamada^Tarou=山田^太郎=やまだ^たろう", '=')).containsExactly("Yamada^Tarou", "山田^太郎",
                "やまだ^たろう");
        assertThat(Separated.parts("MOREAU^^", '^')).containsExactly("MOREAU", "", "");
    }
}
