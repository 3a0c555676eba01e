package org.lightbox.report;

import org.lightbox.domain.Coded;

/** How a critical result reached the care team: the ways the ACR practice parameter accepts as direct communication. */
public enum NotificationMethod implements Coded {
    PHONE("phone", "Phone call"),
    IN_PERSON("in_person", "In person"),
    SECURE_MESSAGE("secure_message", "Secure message (read receipt)"),
    PAGE("page", "Page, call returned");

    private final String code;
    private final String label;

    NotificationMethod(String code, String label) {
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

    @Override
    public String toString() {
        return label;
    }

    public static NotificationMethod of(String code) {
        return Coded.fromCode(NotificationMethod.class, code, "Notification method");
    }
}
