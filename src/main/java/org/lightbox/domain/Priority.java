package org.lightbox.domain;

/** How urgently a request must be read. STAT sorts first on every worklist. */
public enum Priority implements Coded {
    STAT("stat", "STAT"),
    URGENT("urgent", "Urgent"),
    ROUTINE("routine", "Routine");

    private final String code;
    private final String label;

    Priority(String code, String label) {
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

    public static Priority of(String code) {
        return Coded.fromCode(Priority.class, code, "Priority");
    }
}
