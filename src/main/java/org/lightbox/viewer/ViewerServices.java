package org.lightbox.viewer;

import java.nio.file.Path;
import org.lightbox.store.SettingsStore;
import org.lightbox.worklist.WorklistQuery;
import org.lightbox.worklist.WorklistRepository;

/**
 * What the viewer pane needs from the workstation, built once by the composition root: the
 * store's images, the frame cache and its decode threads, measurements, settings, and where
 * exports go.
 */
public record ViewerServices(StudyImages studies, FrameLoader loader, Measurements measurements, SettingsStore settings,
                             WorklistRepository worklist, WorklistQuery worklistQuery, UserActivity activity,
                             Path exportFolder) {

    /** The viewer's settings, the defaults when the stored ones are not valid. */
    public ViewerSettings viewerSettings() {
        return storedViewerSettings().settings();
    }

    /** The viewer's settings and, when the stored ones were not valid, why. */
    public ViewerSettings.Stored storedViewerSettings() {
        return ViewerSettings.read(settings);
    }
}
