package org.lightbox.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.AuthSettings;
import org.lightbox.domain.Actor;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.Permission;
import org.lightbox.domain.Text;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.ingest.pacs.PacsSettings;
import org.lightbox.report.ReportSettings;
import org.lightbox.store.Database;
import org.lightbox.store.SettingsStore;
import org.lightbox.viewer.CacheBudget;
import org.lightbox.viewer.ViewerSettings;
import org.lightbox.viewer.WindowPreset;
import org.lightbox.worklist.DueTimeRules;

/**
 * The administrator's changes to the features' typed settings. Each save checks the permission first,
 * parses the form as typed (every refusal names its field), builds the feature's record (whose
 * constructor holds the rule), and writes it with a {@code settings.changed} audit event in one
 * transaction. The features read their record when they need it, so most changes apply at once.
 */
public final class SettingsEditor {
    private final Database database;
    private final SettingsStore settings;
    private final AuditLog audit;
    private final LongSupplier maxHeapBytes;

    /** @param maxHeapBytes the memory this program may use, which bounds the frame cache */
    public SettingsEditor(Database database, SettingsStore settings, AuditLog audit, LongSupplier maxHeapBytes) {
        this.database = database;
        this.settings = settings;
        this.audit = audit;
        this.maxHeapBytes = maxHeapBytes;
    }

    public DueTimeRules dueTimes() {
        return settings.read(DueTimeRules.KEY, DueTimeRules.class, DueTimeRules.DEFAULTS);
    }

    /** The defaults when what is stored is not valid, so that saving them here mends it. */
    public ViewerSettings viewer() {
        return ViewerSettings.read(settings).settings();
    }

    public AuthSettings autoLock() {
        return settings.read(AuthSettings.KEY, AuthSettings.class, AuthSettings.DEFAULTS);
    }

    public ReportSettings readingLock() {
        return settings.read(ReportSettings.KEY, ReportSettings.class, ReportSettings.DEFAULTS);
    }

    public PacsSettings pacs() {
        return settings.read(PacsSettings.KEY, PacsSettings.class, PacsSettings.NONE);
    }

    /** Our side of a C-MOVE: the Storage SCP's AE title and port, which the PACS must know. */
    public StorageScpSettings storageScp() {
        return settings.read(StorageScpSettings.KEY, StorageScpSettings.class, StorageScpSettings.DEFAULTS);
    }

    public CacheLimits cacheLimits() {
        long heap = maxHeapBytes.getAsLong();
        return new CacheLimits(CacheBudget.MIN_MEGABYTES, CacheBudget.maxMegabytes(heap), CacheBudget.automaticMegabytes(heap));
    }

    /** How long after the scan each priority may wait; the next worklist item is due by the new rules. */
    public DueTimeRules saveDueTimes(Actor actor, String stat, String urgent, String routine) {
        actor.require(Permission.MANAGE_SETTINGS);
        FormValidation form = new FormValidation();
        Integer s = form.field(SettingsForm.STAT_MINUTES, () -> dueMinutes("STAT", stat));
        Integer u = form.field(SettingsForm.URGENT_MINUTES, () -> dueMinutes("Urgent", urgent));
        Integer r = form.field(SettingsForm.ROUTINE_MINUTES, () -> dueMinutes("Routine", routine));
        // A STAT allowed to wait longer than a routine study would sort the worklist upside down.
        if (s != null && u != null && u < s) {
            form.reject(SettingsForm.URGENT_MINUTES, "Urgent must not be due sooner than STAT (" + s + " min)");
        }
        if (u != null && r != null && r < u) {
            form.reject(SettingsForm.ROUTINE_MINUTES, "Routine must not be due sooner than urgent (" + u + " min)");
        }
        form.throwIfInvalid();
        return save(actor, DueTimeRules.KEY, dueTimes(), new DueTimeRules(s, u, r));
    }

    /**
     * The CT presets (number keys 1..9, blank rows dropped) and the frame-cache size. Presets apply the
     * next time the viewer opens a study; the cache is sized when the program starts.
     */
    public ViewerSettings saveViewer(Actor actor, List<PresetInput> rows, String cacheMegabytes) {
        actor.require(Permission.MANAGE_SETTINGS);
        FormValidation form = new FormValidation();
        List<WindowPreset> presets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PresetInput row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            WindowPreset preset = preset(form, i, row);
            if (preset != null && !names.add(preset.name().toLowerCase(Locale.ROOT))) {
                form.reject(SettingsForm.preset(i, "name"), "Another preset is named " + preset.name());
            } else if (preset != null) {
                presets.add(preset);
            }
        }
        if (rows.stream().filter(row -> !row.isBlank()).count() > ViewerSettings.MAX_PRESETS) {
            form.reject(SettingsForm.PRESETS, "At most " + ViewerSettings.MAX_PRESETS + " presets fit on the number keys");
        }
        Integer cache = form.field(SettingsForm.CACHE_MEGABYTES, () -> cacheMegabytes(cacheMegabytes));
        form.throwIfInvalid();
        ViewerSettings.Stored stored = ViewerSettings.read(settings);
        ViewerSettings before = stored.settings();
        ViewerSettings after = new ViewerSettings(presets, cache, before.decodeThreads(), before.cineFps(),
                before.idlePrefetchStudies());
        // What is stored and not valid is replaced even by the defaults it fell back to (audited as old: null).
        return save(actor, ViewerSettings.KEY, stored.problem().isEmpty() ? before : null, after);
    }

    /** Minutes without input before the workstation locks itself; the open session uses it from its next check. */
    public AuthSettings saveAutoLock(Actor actor, String minutes) {
        actor.require(Permission.MANAGE_SETTINGS);
        AuthSettings after = field(SettingsForm.IDLE_LOCK_MINUTES, () -> new AuthSettings(wholeNumber(minutes, "Lock after")));
        return save(actor, AuthSettings.KEY, autoLock(), after);
    }

    /** Minutes a reading lock outlives its reader's last keystroke; each renewed lease uses it. */
    public ReportSettings saveReadingLock(Actor actor, String minutes) {
        actor.require(Permission.MANAGE_SETTINGS);
        ReportSettings after = field(SettingsForm.READING_LOCK_MINUTES,
                () -> new ReportSettings(wholeNumber(minutes, "The reading lock idle time")));
        return save(actor, ReportSettings.KEY, readingLock(), after);
    }

    /**
     * The PACS the Scans screen queries: only the fields of the chosen protocol are read, so switching
     * protocol never fails on what the other one had. Applies from the next query.
     */
    public PacsSettings savePacs(Actor actor, PacsProtocol protocol, String url, String user, String aeTitle, String host,
            String port) {
        actor.require(Permission.MANAGE_SETTINGS);
        FormValidation form = new FormValidation();
        PacsSettings after = switch (protocol == null ? PacsProtocol.NONE : protocol) {
            case NONE -> PacsSettings.NONE;
            case DICOMWEB -> {
                String root = form.field(SettingsForm.PACS_URL, () -> PacsSettings.checkedUrl(url));
                yield PacsSettings.dicomWeb(root, user == null ? "" : user.strip());
            }
            case DIMSE -> {
                String ae = form.field(SettingsForm.PACS_AE_TITLE, () -> PacsSettings.checkedAeTitle(aeTitle));
                String h = form.field(SettingsForm.PACS_HOST, () -> PacsSettings.checkedHost(host));
                Integer p = form.field(SettingsForm.PACS_PORT, () -> PacsSettings.checkedPort(port));
                yield p == null ? null : PacsSettings.dimse(ae, h, p);
            }
        };
        form.throwIfInvalid();
        return save(actor, PacsSettings.KEY, pacs(), after);
    }

    private WindowPreset preset(FormValidation form, int i, PresetInput row) {
        String name = form.field(SettingsForm.preset(i, "name"), () -> Text.required(row.name(), "Preset name",
                WindowPreset.MAX_NAME_LENGTH));
        Double center = form.field(SettingsForm.preset(i, "center"), () -> number(row.center(), "Centre"));
        Double width = form.field(SettingsForm.preset(i, "width"), () -> number(row.width(), "Width"));
        if (name == null || center == null || width == null) {
            return null;
        }
        // Name and centre passed above, so what the record refuses here is the width.
        return form.field(SettingsForm.preset(i, "width"), () -> new WindowPreset(name, center, width));
    }

    private int dueMinutes(String what, String typed) {
        int minutes = wholeNumber(typed, what + " due time");
        DueTimeRules.checkMinutes(what, minutes);
        return minutes;
    }

    private int cacheMegabytes(String typed) {
        int megabytes = wholeNumber(typed, "Frame cache");
        CacheLimits limits = cacheLimits();
        if (megabytes != 0 && (megabytes < limits.minMegabytes() || megabytes > limits.maxMegabytes())) {
            throw new InvalidValueException("Frame cache must be 0 (automatic) or between " + limits.minMegabytes() + " and "
                    + limits.maxMegabytes() + " MB on this workstation (80% of the memory Lightbox may use), not " + megabytes);
        }
        return megabytes;
    }

    private static int wholeNumber(String typed, String what) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(what + " is required");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(what + " must be a whole number, not \"" + text + "\"");
        }
    }

    private static double number(String typed, String what) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(what + " is required");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(what + " must be a number, not \"" + text + "\"");
        }
    }

    private static <T> T field(String name, java.util.function.Supplier<T> parse) {
        FormValidation form = new FormValidation();
        T value = form.field(name, parse);
        form.throwIfInvalid();
        return value;
    }

    /** Writes the new record and its audit event together; an unchanged record writes nothing. */
    private <T> T save(Actor actor, String key, T before, T after) {
        if (Objects.equals(before, after)) {
            return after;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("key", key);
        details.put("old", before);
        details.put("new", after);
        database.update(tx -> {
            settings.write(tx, key, after);
            audit.append(tx, actor, SettingsAction.CHANGED, "Setting", key, details);
        });
        return after;
    }
}
