package org.lightbox.ingest;

/** The parts of a patient's identity compared between the images and the request (patient safety). */
public enum IdentityField {
    PATIENT_ID("Patient ID / MRN"),
    NAME("Name"),
    BIRTH_DATE("Birth date");

    private final String label;

    IdentityField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
