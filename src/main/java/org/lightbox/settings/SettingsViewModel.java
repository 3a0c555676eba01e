package org.lightbox.settings;

import java.time.Duration;
import java.util.function.Consumer;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.report.MacroLibrary;
import org.lightbox.report.MacroListViewModel;
import org.lightbox.report.TemplateLibrary;
import org.lightbox.request.Facilities;
import org.lightbox.ui.TaskExecutor;

/**
 * The administrator's Settings dialog, one ViewModel per tab. The services refuse anyone without the
 * permission whatever this shows; the window offers the dialog only to those who hold it.
 */
public final class SettingsViewModel {
    private final UsersViewModel users;
    private final FacilitiesViewModel facilities;
    private final WorklistSettingsViewModel worklist;
    private final ViewerSettingsViewModel viewer;
    private final TemplatesViewModel templates;
    private final MinutesSettingViewModel readingLock;
    private final MacroListViewModel macros;
    private final MinutesSettingViewModel autoLock;
    private final PacsSettingsViewModel pacs;

    /**
     * @param autoLockChanged told the new idle time when it is saved (from the saving task), so the open session
     *                        locks by it from its next check
     * @param macrosChanged   told when a macro is saved or deleted, so the report editor expands the new ones
     */
    public SettingsViewModel(SettingsEditor editor, UserDirectory userDirectory, Facilities facilityList, TemplateLibrary templateLibrary,
            MacroLibrary macroLibrary, TaskExecutor tasks, Actor actor, Consumer<Duration> autoLockChanged, Runnable macrosChanged) {
        this.users = new UsersViewModel(userDirectory, tasks, actor);
        this.facilities = new FacilitiesViewModel(facilityList, tasks, actor);
        this.worklist = new WorklistSettingsViewModel(editor, tasks, actor);
        this.viewer = new ViewerSettingsViewModel(editor, tasks, actor);
        this.templates = new TemplatesViewModel(templateLibrary, tasks, actor);
        this.readingLock = new MinutesSettingViewModel(tasks, SettingsForm.READING_LOCK_MINUTES,
                () -> editor.readingLock().lockIdleMinutes(),
                typed -> editor.saveReadingLock(actor, typed).lockIdleMinutes(),
                minutes -> "Saved. A reading lock now frees itself " + minutes + " min after its reader's last keystroke,"
                        + " from its next renewal.");
        this.pacs = new PacsSettingsViewModel(editor, tasks, actor);
        this.macros = new MacroListViewModel(macroLibrary, tasks, actor, macrosChanged);
        this.autoLock = new MinutesSettingViewModel(tasks, SettingsForm.IDLE_LOCK_MINUTES,
                () -> editor.autoLock().idleLockMinutes(),
                typed -> {
                    int saved = editor.saveAutoLock(actor, typed).idleLockMinutes();
                    autoLockChanged.accept(Duration.ofMinutes(saved));
                    return saved;
                },
                minutes -> "Saved. The workstation locks itself after " + minutes + " idle min, from its next check.");
    }

    /** Whether {@code actor} may open the dialog at all. */
    public static boolean mayOpen(Actor actor) {
        return actor != null && actor.can(Permission.MANAGE_SETTINGS);
    }

    public UsersViewModel users() { return users; }
    public FacilitiesViewModel facilities() { return facilities; }
    public WorklistSettingsViewModel worklist() { return worklist; }
    public ViewerSettingsViewModel viewer() { return viewer; }
    public TemplatesViewModel templates() { return templates; }
    public MinutesSettingViewModel readingLock() { return readingLock; }
    public MacroListViewModel macros() { return macros; }
    public MinutesSettingViewModel autoLock() { return autoLock; }
    public PacsSettingsViewModel pacs() { return pacs; }
}
