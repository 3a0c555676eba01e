package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DicomUidsTest {

    @Test
    void digitsJoinedBySingleDotsAreAUid() {
        assertThat(DicomUids.isValid("1.2.840.10008.5.1.4.1.1.2")).isTrue();
        assertThat(DicomUids.isValid("7")).isTrue();
        assertThat(DicomUids.isValid("1.2.03")).as("a leading zero is harmless here").isTrue();
        assertThat(DicomUids.isValid("1." + "2".repeat(62))).as("64 characters").isTrue();
    }

    @Test
    void anythingElseCannotNameAFolderInTheStore() {
        for (String bad : new String[] {null, "", ".", "1.", ".1", "1..2", "1.2a", "1.2 ", "1/2", "../1", "1.\u0662",
                "1." + "2".repeat(63)}) {
            assertThat(DicomUids.isValid(bad)).as("\"%s\"", bad).isFalse();
        }
    }
}
