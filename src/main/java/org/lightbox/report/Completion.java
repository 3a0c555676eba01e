package org.lightbox.report;

/**
 * What signing does about a template field left unfilled: IHE MRRT's data-field-completion-action
 * (RAD TF Supplement MRRT, template attributes). NONE leaves it out, ALERT warns, PROHIBIT refuses.
 */
public enum Completion {
    NONE(""),
    ALERT("?"),
    PROHIBIT("!");

    private final String marker;

    Completion(String marker) {
        this.marker = marker;
    }

    String marker() {
        return marker;
    }

    static Completion ofMarker(String marker) {
        return "!".equals(marker) ? PROHIBIT : "?".equals(marker) ? ALERT : NONE;
    }

    /** From the MRRT attribute value; an unknown or missing value is NONE, as MRRT's default. */
    static Completion ofMrrt(String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "PROHIBIT" -> PROHIBIT;
            case "ALERT" -> ALERT;
            default -> NONE;
        };
    }
}
