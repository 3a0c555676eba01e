package org.lightbox.setup;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightbox.audit.AuditLog;
import org.lightbox.auth.PasswordRule;
import org.lightbox.auth.UserAccount;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.FormValidation;
import org.lightbox.domain.InvalidValueException;
import org.lightbox.domain.Role;
import org.lightbox.domain.Text;
import org.lightbox.domain.ValidationException;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.report.InstitutionSettings;
import org.lightbox.store.Database;
import org.lightbox.store.SettingsStore;
import org.lightbox.sync.CentralStoreSettings;
import org.lightbox.sync.SyncService;

/**
 * Sets a fresh workstation up from the first-run assistant's answers, in one transaction: the first
 * administrator (whose password follows {@link PasswordRule}, as every account's), the Storage SCP's
 * AE title and port, the institution for report headers and, when given, the central store. Only a
 * workstation without accounts can be set up; afterwards these are settings an administrator changes
 * one by one.
 */
public final class WorkstationSetup {
    private final Database database;
    private final UserDirectory users;
    private final SettingsStore settings;
    private final SyncService sync;
    private final AuditLog audit;

    public WorkstationSetup(Database database, UserDirectory users, SettingsStore settings, SyncService sync, AuditLog audit) {
        this.database = database;
        this.users = users;
        this.settings = settings;
        this.sync = sync;
        this.audit = audit;
    }

    /** The answers, checked; every field's refusal at once. The data folder is the caller's to check: it opens it. */
    public static Answers check(SetupForm form) {
        FormValidation v = new FormValidation();
        String aeTitle = v.field(SetupForm.AE_TITLE, () -> StorageScpSettings.checkedAeTitle(form.aeTitle()));
        Integer port = v.field(SetupForm.PORT, () -> StorageScpSettings.checkedPort(form.port()));
        CentralStoreSettings store = centralStore(v, form.centralStoreUrl(), form.applicationId());
        String institution = v.field(SetupForm.INSTITUTION, () -> Text.required(form.institution(), "The institution name", 120));
        String username = v.field(SetupForm.ADMIN_USERNAME, () -> UserDirectory.checkedUsername(form.adminUsername()));
        String displayName = v.field(SetupForm.ADMIN_DISPLAY_NAME,
                () -> Text.required(form.adminDisplayName(), "The administrator's name", 80));
        PasswordRule.problemWith(form.password(), username).ifPresent(problem -> v.reject(SetupForm.PASSWORD, problem));
        if (!v.hasErrorFor(SetupForm.PASSWORD) && !Arrays.equals(form.password(), form.passwordAgain())) {
            v.reject(SetupForm.PASSWORD_AGAIN, "The two passwords differ: type the same one twice");
        }
        v.throwIfInvalid();
        return new Answers(new StorageScpSettings(aeTitle, port), store, new InstitutionSettings(institution), username,
                displayName);
    }

    /** Both empty: standalone. One without the other is a half-made choice, refused on the missing one. */
    private static CentralStoreSettings centralStore(FormValidation v, String url, String applicationId) {
        boolean noUrl = url == null || url.isBlank();
        boolean noId = applicationId == null || applicationId.isBlank();
        if (noUrl && noId) {
            return null;
        }
        if (noUrl) {
            v.reject(SetupForm.CENTRAL_STORE_URL, "Give the central store's URL too, or leave both empty to work standalone");
            return null;
        }
        String checkedUrl = v.field(SetupForm.CENTRAL_STORE_URL, () -> {
            String stripped = new CentralStoreSettings(url, "-", null).url();
            if (URI.create(stripped).getHost() == null) {
                throw new InvalidValueException("The central store URL names no server, e.g. https://store.example/parse");
            }
            return stripped;
        });
        if (noId) {
            v.reject(SetupForm.APPLICATION_ID, "Give the central store's application id too, or leave both empty to work standalone");
            return null;
        }
        return checkedUrl == null ? null : new CentralStoreSettings(checkedUrl, applicationId, null);
    }

    /** Sets the workstation up; refused on a workstation that already has accounts. Returns the administrator. */
    public UserAccount complete(SetupForm form) {
        Answers answers = check(form);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("aeTitle", answers.storageScp().aeTitle());
        details.put("port", answers.storageScp().port());
        details.put("centralStore", answers.centralStore() == null ? "standalone" : answers.centralStore().url());
        details.put("institution", answers.institution().name());
        details.put("administrator", answers.adminUsername());
        return database.write(tx -> {
            if (!users.isEmpty()) {
                throw ValidationException.of(SetupForm.DATA_FOLDER, "This data folder already holds a workstation with accounts:"
                        + " choose another folder, or start Lightbox with --data-dir and this folder to sign in there");
            }
            UserAccount admin = users.create(Actor.SYSTEM, answers.adminUsername(), answers.adminDisplayName(),
                    EnumSet.of(Role.ADMIN), form.password());
            settings.write(StorageScpSettings.KEY, answers.storageScp());
            settings.write(InstitutionSettings.KEY, answers.institution());
            if (answers.centralStore() != null) {
                sync.configure(Actor.SYSTEM, answers.centralStore());
            }
            audit.append(tx, Actor.SYSTEM, SetupAction.WORKSTATION_SET_UP, "Workstation", audit.workstation(), details);
            return admin;
        });
    }

    /** The checked answers, ready to store. */
    public record Answers(StorageScpSettings storageScp, CentralStoreSettings centralStore, InstitutionSettings institution,
            String adminUsername, String adminDisplayName) {
    }
}
