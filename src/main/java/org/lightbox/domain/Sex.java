package org.lightbox.domain;

/** Administrative sex as DICOM Patient's Sex carries it (PS3.3 C.7.1.1). */
public enum Sex implements Coded {
    MALE("M", "Male"),
    FEMALE("F", "Female"),
    OTHER("O", "Other"),
    UNKNOWN("U", "Unknown");

    private final String code;
    private final String label;

    Sex(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Sex of(String code) {
        return Coded.fromCode(Sex.class, code, "Sex");
    }
}
