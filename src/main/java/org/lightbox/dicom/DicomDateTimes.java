package org.lightbox.dicom;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Parses DICOM DA and TM values (PS3.5 6.2). A value that cannot be parsed yields null rather than
 * an exception: a scanner's odd date must not keep its images off the worklist.
 */
final class DicomDateTimes {

    private DicomDateTimes() {
    }

    /**
     * {@code YYYYMMDD}; also {@code YYYY.MM.DD}, which PS3.5 6.2 (DA, note) asks readers to accept
     * from ACR-NEMA era equipment.
     */
    static LocalDate parseDate(String value) {
        String digits = value == null ? "" : value.strip().replace(".", "");
        if (digits.length() != 8 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code HH[MM[SS[.FFFFFF]]]}; also {@code HH:MM:SS} (ACR-NEMA, PS3.5 6.2 TM note). A second of
     * 60 (leap second, allowed by TM) is read as 59.
     */
    static LocalTime parseTime(String value) {
        String text = value == null ? "" : value.strip().replace(":", "");
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.length() < 2 || whole.length() > 6 || whole.length() % 2 != 0
                || !whole.chars().allMatch(Character::isDigit) || !fraction.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            int hour = Integer.parseInt(whole.substring(0, 2));
            int minute = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
            int second = whole.length() == 6 ? Math.min(59, Integer.parseInt(whole.substring(4, 6))) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            return LocalTime.of(hour, minute, second, nanos);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
