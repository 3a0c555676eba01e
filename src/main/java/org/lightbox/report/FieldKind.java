package org.lightbox.report;

/** What a template field holds (MRRT data-field-type, folded onto what the editor offers). */
public enum FieldKind {
    TEXT("text"),
    NUMBER("number"),
    DATE("date"),
    MENU("menu");

    private final String code;

    FieldKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static FieldKind ofCode(String code) {
        for (FieldKind k : values()) {
            if (k.code.equalsIgnoreCase(code)) {
                return k;
            }
        }
        return TEXT;
    }
}
