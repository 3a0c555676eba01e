package org.lightbox.viewer;

import java.util.List;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.store.SettingsStore;
import org.lightbox.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewer's settings, kept by {@code SettingsStore} under {@link #KEY}.
 *
 * @param ctPresets        CT windows on number keys 1..9, in order
 * @param cacheMegabytes   the frame cache; 0 sizes it from the JVM's memory ({@link CacheBudget}), else
 *                         {@link CacheBudget#MIN_MEGABYTES} to {@value #MAX_CACHE_MEGABYTES} MB
 * @param decodeThreads    background decode threads; 0 picks from the cores ({@link FrameLoader#defaultThreads})
 * @param cineFps          frames per second a cine starts at
 * @param idlePrefetchStudies how many of the next worklist studies to decode ahead while idle
 */
public record ViewerSettings(List<WindowPreset> ctPresets, int cacheMegabytes, int decodeThreads, int cineFps,
                             int idlePrefetchStudies) {
    public static final String KEY = "viewer";
    /** Number keys 1..9. */
    public static final int MAX_PRESETS = 9;
    /** A bound on any configured cache, whatever the heap (the Settings dialog holds it to 80% of this heap). */
    public static final int MAX_CACHE_MEGABYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ViewerSettings.class);

    /**
     * Default CT presets, centre/width in HU. Source: the windows issue 4 of this project asks for,
     * which are the values in common reading-room use (see Radiopaedia, "Windowing (CT)", for the
     * brain, lung, mediastinum, abdomen, liver and bone windows, and its ranges for subdural and stroke).
     */
    public static final List<WindowPreset> DEFAULT_CT_PRESETS = List.of(
            new WindowPreset("Brain", 40, 80),
            new WindowPreset("Subdural", 75, 215),
            new WindowPreset("Stroke", 40, 40),
            new WindowPreset("Lung", -600, 1500),
            new WindowPreset("Mediastinum", 50, 350),
            new WindowPreset("Abdomen", 40, 400),
            new WindowPreset("Liver", 60, 160),
            new WindowPreset("Bone", 400, 1800));

    public static final ViewerSettings DEFAULTS = new ViewerSettings(DEFAULT_CT_PRESETS, 0, 0, 15, 3);

    /** @throws InvalidValueException naming the field that is wrong */
    public ViewerSettings {
        ctPresets = List.copyOf(ctPresets == null ? DEFAULT_CT_PRESETS : ctPresets);
        if (ctPresets.size() > 9) {
            throw new InvalidValueException("At most " + MAX_PRESETS + " CT presets fit on the number keys, not " + ctPresets.size());
        }
        if (cacheMegabytes != 0 && (cacheMegabytes < CacheBudget.MIN_MEGABYTES || cacheMegabytes > MAX_CACHE_MEGABYTES)) {
            throw new InvalidValueException("The frame cache must be 0 (automatic) or between " + CacheBudget.MIN_MEGABYTES
                    + " and " + MAX_CACHE_MEGABYTES + " MB, not " + cacheMegabytes);
        }
        cineFps = Math.max(1, Math.min(60, cineFps == 0 ? 15 : cineFps));
        decodeThreads = Math.max(0, decodeThreads);
        idlePrefetchStudies = Math.max(0, idlePrefetchStudies);
    }

    /**
     * The settings as stored, and why they were not usable when they were not.
     *
     * @param problem empty when the stored settings (or their absence) were fine
     */
    public record Stored(ViewerSettings settings, String problem) {
    }

    /**
     * The stored viewer settings, or the defaults when what is stored is not valid: a bad setting
     * must not keep the workstation from opening. The problem is logged for the administrator and
     * returned for the viewer to show.
     */
    public static Stored read(SettingsStore store) {
        try {
            return new Stored(store.read(KEY, ViewerSettings.class, DEFAULTS), "");
        } catch (StoreException e) {
            String reason = reason(e);
            LOG.warn("The viewer settings stored under \"{}\" are not valid ({}); the defaults are used until an"
                    + " administrator corrects them in Settings", KEY, reason);
            return new Stored(DEFAULTS, "The stored viewer settings are not valid (" + reason
                    + "); the defaults are in use until an administrator saves the viewer settings in Settings");
        }
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValueException) {
                return cause.getMessage();
            }
        }
        return e.getMessage();
    }
}
