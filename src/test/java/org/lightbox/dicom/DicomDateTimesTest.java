package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DicomDateTimesTest {

    @Test
    void readsADateAndItsAcrNemaForm() {
        assertThat(DicomDateTimes.parseDate("19540312")).isEqualTo(LocalDate.of(1954, 3, 12));
        assertThat(DicomDateTimes.parseDate("1954.03.12")).isEqualTo(LocalDate.of(1954, 3, 12));
    }

    @Test
    void givesNoDateForNonsense() {
        assertThat(DicomDateTimes.parseDate("")).isNull();
        assertThat(DicomDateTimes.parseDate(null)).isNull();
        assertThat(DicomDateTimes.parseDate("19541399")).isNull();
        assertThat(DicomDateTimes.parseDate("1954031")).isNull();
        assertThat(DicomDateTimes.parseDate("UNKNOWN!")).isNull();
    }

    @Test
    void readsTimesOfEveryPrecision() {
        assertThat(DicomDateTimes.parseTime("08")).isEqualTo(LocalTime.of(8, 0));
        assertThat(DicomDateTimes.parseTime("0812")).isEqualTo(LocalTime.of(8, 12));
        assertThat(DicomDateTimes.parseTime("081204")).isEqualTo(LocalTime.of(8, 12, 4));
        assertThat(DicomDateTimes.parseTime("081204.25")).isEqualTo(LocalTime.of(8, 12, 4, 250_000_000));
        assertThat(DicomDateTimes.parseTime("08:12:04")).isEqualTo(LocalTime.of(8, 12, 4));
    }

    @Test
    void readsALeapSecondAsTheSecondBefore() {
        assertThat(DicomDateTimes.parseTime("235960")).isEqualTo(LocalTime.of(23, 59, 59));
    }

    @Test
    void givesNoTimeForNonsense() {
        assertThat(DicomDateTimes.parseTime("8")).isNull();
        assertThat(DicomDateTimes.parseTime("2561")).isNull();
        assertThat(DicomDateTimes.parseTime("noon")).isNull();
    }
}
