package org.lightbox.store;

/**
 * Whether this data folder holds the demo patients and requests of a first start. Such a folder must
 * never be connected to a central store: its made-up patients would be sent there as real ones.
 */
public record DemoContent(boolean seeded) {
    public static final String KEY = "workstation.demo-content";

    public static boolean isIn(SettingsStore settings) {
        return settings.read(KEY, DemoContent.class, new DemoContent(false)).seeded();
    }
}
