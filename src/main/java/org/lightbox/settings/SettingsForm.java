package org.lightbox.settings;

/** The names of the settings forms' fields, as refusals name them so the dialog shows each beside its field. */
public final class SettingsForm {
    public static final String STAT_MINUTES = "statMinutes";
    public static final String URGENT_MINUTES = "urgentMinutes";
    public static final String ROUTINE_MINUTES = "routineMinutes";
    public static final String CACHE_MEGABYTES = "cacheMegabytes";
    public static final String PRESETS = "presets";
    public static final String IDLE_LOCK_MINUTES = "idleLockMinutes";
    public static final String READING_LOCK_MINUTES = "lockIdleMinutes";
    public static final String PACS_URL = "pacsUrl";
    public static final String PACS_AE_TITLE = "pacsAeTitle";
    public static final String PACS_HOST = "pacsHost";
    public static final String PACS_PORT = "pacsPort";

    private SettingsForm() {
    }

    /** Preset row {@code index} (0 for key 1): its "name", "center" or "width". */
    public static String preset(int index, String part) {
        return "preset." + index + "." + part;
    }
}
