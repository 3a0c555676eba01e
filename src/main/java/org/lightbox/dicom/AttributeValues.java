package org.lightbox.dicom;

import com.pixelmed.dicom.AttributeTag;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, forgiving reads of a data set's attribute values by tag. Values are parsed here rather
 * than by a parser's numeric getters so that one malformed DS or IS (common in the wild) gives
 * "absent" for that attribute instead of an exception for the whole file. The same rules hold
 * whichever parser found the values: PixelMed's attribute list or the header scan of indexing.
 */
public interface AttributeValues {

    /** All values, each without padding; empty when absent. */
    String[] values(AttributeTag tag);

    default boolean has(AttributeTag tag) {
        return !text(tag).isEmpty();
    }

    /** The first value, without padding; "" when absent or empty. */
    default String text(AttributeTag tag) {
        String[] values = values(tag);
        return values.length == 0 || values[0] == null ? "" : values[0].strip();
    }

    default Integer integer(AttributeTag tag) {
        Double value = decimal(tag);
        return value == null || value != Math.rint(value) ? null : value.intValue();
    }

    default int integer(AttributeTag tag, int fallback) {
        Integer value = integer(tag);
        return value == null ? fallback : value;
    }

    default Double decimal(AttributeTag tag) {
        List<Double> values = decimals(tag);
        return values.isEmpty() ? null : values.get(0);
    }

    default double decimal(AttributeTag tag, double fallback) {
        Double value = decimal(tag);
        return value == null ? fallback : value;
    }

    /** All values as numbers; empty if absent or if any value is not a number. */
    default List<Double> decimals(AttributeTag tag) {
        String[] values = values(tag);
        List<Double> numbers = new ArrayList<>(values.length);
        try {
            for (String value : values) {
                double number = Double.parseDouble(value);
                if (!Double.isFinite(number)) {
                    return List.of();
                }
                numbers.add(number);
            }
        } catch (NumberFormatException e) {
            return List.of();
        }
        return numbers;
    }

    default LocalDate date(AttributeTag tag) {
        return DicomDateTimes.parseDate(text(tag));
    }

    default LocalTime time(AttributeTag tag) {
        return DicomDateTimes.parseTime(text(tag));
    }
}
