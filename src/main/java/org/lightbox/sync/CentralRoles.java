package org.lightbox.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lightbox.domain.Role;

/**
 * Who holds which role on the central store. Parse keeps a role's members in a relation, so the
 * members of each role are one query ({@code $relatedTo}). A role the workstation does not know is
 * left out.
 */
final class CentralRoles {
    private CentralRoles() {
    }

    /** The roles of one user. */
    static Set<Role> of(CentralStoreClient client, CentralSession session, String userId) {
        String where = "{\"users\":{\"__type\":\"Pointer\",\"className\":\"_User\",\"objectId\":\"" + userId + "\"}}";
        JsonNode answer = client.get("/roles", session.token(), Map.of("where", where, "limit", "100"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : answer.path("results")) {
            known(role.path("name").asText()).ifPresent(roles::add);
        }
        return roles;
    }

    /** Every user's roles, by user id. */
    static Map<String, Set<Role>> all(CentralStoreClient client, CentralSession session) {
        Map<String, Set<Role>> byUser = new HashMap<>();
        for (JsonNode role : client.get("/roles", session.token(), Map.of("limit", "100")).path("results")) {
            Optional<Role> known = known(role.path("name").asText());
            if (known.isEmpty()) {
                continue;
            }
            String members = "{\"$relatedTo\":{\"object\":{\"__type\":\"Pointer\",\"className\":\"_Role\",\"objectId\":\""
                    + role.path("objectId").asText() + "\"},\"key\":\"users\"}}";
            JsonNode users = client.get("/users", session.token(), Map.of("where", members, "keys", "objectId", "limit", "1000"));
            for (JsonNode user : users.path("results")) {
                byUser.computeIfAbsent(user.path("objectId").asText(), k -> EnumSet.noneOf(Role.class)).add(known.get());
            }
        }
        return byUser;
    }

    private static Optional<Role> known(String name) {
        for (Role r : Role.values()) {
            if (r.code().equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
