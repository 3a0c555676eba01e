package org.lightbox.viewer;

import java.util.List;
import org.lightbox.domain.InvalidValueException;

/**
 * The viewer's settings, kept by {@code SettingsStore} under {@link #KEY}.
 *
 * @param ctPresets        CT windows on number keys 1..9, in order
 * @param cacheMegabytes   the frame cache; 0 sizes it from the JVM's memory ({@link CacheBudget})
 * @param decodeThreads    background decode threads; 0 picks from the cores ({@link FrameLoader#defaultThreads})
 * @param cineFps          frames per second a cine starts at
 * @param idlePrefetchStudies how many of the next worklist studies to decode ahead while idle
 */
public record ViewerSettings(List<WindowPreset> ctPresets, int cacheMegabytes, int decodeThreads, int cineFps,
                             int idlePrefetchStudies) {
    public static final String KEY = "viewer";
    /** Number keys 1..9. */
    public static final int MAX_PRESETS = 9;

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

    public ViewerSettings {
        ctPresets = List.copyOf(ctPresets == null ? DEFAULT_CT_PRESETS : ctPresets);
        if (ctPresets.size() > 9) {
            throw new InvalidValueException("At most " + MAX_PRESETS + " CT presets fit on the number keys, not " + ctPresets.size());
        }
        cineFps = Math.max(1, Math.min(60, cineFps == 0 ? 15 : cineFps));
        cacheMegabytes = Math.max(0, cacheMegabytes);
        decodeThreads = Math.max(0, decodeThreads);
        idlePrefetchStudies = Math.max(0, idlePrefetchStudies);
    }
}
