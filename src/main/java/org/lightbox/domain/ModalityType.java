package org.lightbox.domain;

/** The kinds of imaging Lightbox is asked for, by their DICOM Modality codes (PS3.3 C.7.3.1.1.1). */
public enum ModalityType implements Coded {
    CT("Computed tomography"),
    MR("Magnetic resonance"),
    CR("Computed radiography"),
    DX("Digital radiography"),
    US("Ultrasound"),
    MG("Mammography"),
    NM("Nuclear medicine"),
    PT("Positron emission tomography"),
    XA("X-ray angiography"),
    RF("Fluoroscopy");

    private final String label;

    ModalityType(String label) {
        this.label = label;
    }

    /** DICOM codes are upper case; they are stored as such. */
    @Override
    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    public static ModalityType of(String code) {
        return Coded.fromCode(ModalityType.class, code, "Modality");
    }
}
