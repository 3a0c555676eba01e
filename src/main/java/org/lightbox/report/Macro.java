package org.lightbox.report;

/** A trigger typed in the editor and the phrase it expands to; shared when it has no owner. */
public record Macro(String id, String ownerId, String trigger, String expansion) {
    public boolean isShared() {
        return ownerId == null;
    }
}
