package org.lightbox.dicom.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Numbers as DICOM Decimal Strings (DS, PS3.5 6.2): at most 16 characters, no exponent needed here. */
final class DecimalStrings {

    private DecimalStrings() {
    }

    static String ds(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String text = decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        if (text.equals("-0")) {
            return "0";
        }
        if (text.length() > 16) {
            throw new IllegalArgumentException(value + " does not fit a DS value");
        }
        return text;
    }

    static List<String> ds(double... values) {
        List<String> texts = new ArrayList<>(values.length);
        for (double value : values) {
            texts.add(ds(value));
        }
        return texts;
    }
}
