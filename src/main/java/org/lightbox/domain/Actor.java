package org.lightbox.domain;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user on whose behalf a service acts. Every domain action takes one, checks it and
 * names it in the audit trail.
 */
public record Actor(String userId, String username, String displayName, Set<Role> roles) {
    /** Work the workstation does by itself (first run, demo data, background import). */
    public static final Actor SYSTEM = new Actor(null, "system", "Lightbox", Set.of(Role.ADMIN));

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.allows(permission));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Refuses with a message naming who, in which role, may not do what. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new PermissionDeniedException(displayName + " (" + rolesText() + ") may not " + permission.description());
        }
    }

    /**
     * Refuses the workstation itself ({@link #SYSTEM}) an action only a person can take: a study is
     * assigned to, locked by or signed by someone.
     */
    public void requirePerson(Permission permission) {
        if (isSystem()) {
            throw new PermissionDeniedException("Only a signed-in person may " + permission.description()
                    + "; the workstation cannot do it by itself");
        }
        require(permission);
    }

    public String rolesText() {
        return roles.stream().sorted(Comparator.naturalOrder()).map(Role::label).collect(Collectors.joining(", "));
    }

    public boolean isSystem() {
        return userId == null;
    }
}
