package org.lightbox.settings;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.auth.UserAccount;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The Users tab: every account, the selected one's roles, active state and password reset, and a form
 * for a new account. With a central store the accounts are its, and the tab only shows them.
 */
public final class UsersViewModel {
    /** Field-name prefixes: the new-account form and the selected account are refused apart. */
    public static final String NEW = "new.";
    public static final String SELECTED = "selected.";

    private final UserDirectory users;
    private final TaskExecutor tasks;
    private final Actor actor;

    private final ObservableList<UserAccount> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> selected = new SimpleObjectProperty<>();
    private final Map<Role, BooleanProperty> selectedRoles = roleChecks();
    private final StringProperty resetPassword = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final Map<Role, BooleanProperty> newRoles = roleChecks();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper authority = new ReadOnlyStringWrapper("");

    public UsersViewModel(UserDirectory users, TaskExecutor tasks, Actor actor) {
        this.users = users;
        this.tasks = tasks;
        this.actor = actor;
        selected.addListener((o, old, now) -> {
            errors.clear(SELECTED);
            resetPassword.set("");
            selectedRoles.forEach((role, check) -> check.set(now != null && now.roles().contains(role)));
        });
        reload(null);
    }

    public ObservableList<UserAccount> accounts() { return accounts; }
    public ObjectProperty<UserAccount> selectedProperty() { return selected; }
    public BooleanProperty selectedRole(Role role) { return selectedRoles.get(role); }
    public StringProperty resetPasswordProperty() { return resetPassword; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty newRole(Role role) { return newRoles.get(role); }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** True with a central store: accounts are changed there. */
    public ReadOnlyBooleanProperty readOnlyProperty() { return readOnly.getReadOnlyProperty(); }
    /** Who keeps the accounts, in a sentence for the top of the tab. */
    public ReadOnlyStringProperty authorityProperty() { return authority.getReadOnlyProperty(); }

    public void createUser() {
        errors.clear(NEW);
        message.set("");
        String u = username.get();
        String d = displayName.get();
        char[] p = password.get().toCharArray();
        Set<Role> roles = checked(newRoles);
        tasks.submit(progress -> users.create(actor, u, d, roles, p), TaskListener.of(created -> {
            username.set("");
            displayName.set("");
            password.set("");
            newRoles.values().forEach(check -> check.set(false));
            message.set("Created " + created.username() + ". Give them the password and ask them to change it"
                    + " (Password in the window header) when they first sign in.");
            reload(created.id());
        }, error -> message.set(errors.show(error, NEW))));
    }

    public void saveRoles() {
        UserAccount account = selected.get();
        if (account == null) {
            return;
        }
        errors.clear(SELECTED);
        message.set("");
        Set<Role> roles = checked(selectedRoles);
        tasks.submit(progress -> users.changeRoles(actor, account.id(), roles), TaskListener.of(changed -> {
            message.set("Roles of " + changed.username() + " saved: " + changed.asActor().rolesText()
                    + ". They apply from their next sign-in.");
            reload(changed.id());
        }, error -> message.set(errors.show(error, SELECTED))));
    }

    /** Deactivates the selected account, or reactivates it when it is inactive. */
    public void toggleActive() {
        UserAccount account = selected.get();
        if (account == null) {
            return;
        }
        message.set("");
        tasks.submit(progress -> account.active() ? users.deactivate(actor, account.id()) : users.reactivate(actor, account.id()),
                TaskListener.of(changed -> {
                    message.set(changed.username() + (changed.active() ? " may sign in again." : " can no longer sign in;"
                            + " their requests, reports and audit events keep their name."));
                    reload(changed.id());
                }, error -> message.set(errors.show(error, SELECTED))));
    }

    public void resetPassword() {
        UserAccount account = selected.get();
        if (account == null) {
            return;
        }
        errors.clear(SELECTED);
        message.set("");
        char[] p = resetPassword.get().toCharArray();
        tasks.submit(progress -> {
            users.resetPassword(actor, account.id(), p);
            return account;
        }, TaskListener.of(done -> {
            resetPassword.set("");
            message.set("New password set for " + done.username() + ". Ask them to change it when they sign in.");
        }, error -> message.set(errors.show(error, SELECTED))));
    }

    private void reload(String selectId) {
        tasks.submit(progress -> new Listing(users.all(), users.centralStore()), TaskListener.of(listing -> {
            accounts.setAll(listing.accounts());
            readOnly.set(listing.centralStore().isPresent());
            authority.set(listing.centralStore()
                    .map(store -> "Accounts are kept by the central store (" + store + "). Add users, change roles and"
                            + " passwords there; this workstation follows it.")
                    .orElse("Accounts are kept on this workstation."));
            String keep = selectId != null ? selectId : selected.get() == null ? null : selected.get().id();
            selected.set(listing.accounts().stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
        }, error -> message.set(UserMessages.of(error))));
    }

    private record Listing(List<UserAccount> accounts, Optional<String> centralStore) {
    }

    private static Map<Role, BooleanProperty> roleChecks() {
        Map<Role, BooleanProperty> checks = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            checks.put(role, new SimpleBooleanProperty(false));
        }
        return checks;
    }

    private static Set<Role> checked(Map<Role, BooleanProperty> checks) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        checks.forEach((role, check) -> {
            if (check.get()) {
                roles.add(role);
            }
        });
        return roles;
    }
}
