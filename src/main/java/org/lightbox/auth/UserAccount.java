package org.lightbox.auth;

import java.util.Set;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;

/** A person who can sign in to this workstation. */
public record UserAccount(String id, String username, String displayName, Set<Role> roles, boolean active) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public UserAccount withRoles(Set<Role> newRoles) {
        return new UserAccount(id, username, displayName, newRoles, active);
    }

    public Actor asActor() {
        return new Actor(id, username, displayName, roles);
    }
}
