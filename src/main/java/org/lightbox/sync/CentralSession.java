package org.lightbox.sync;

/** A signed-in user on the central store: their id there and the session token that proves it. */
public record CentralSession(String userId, String username, String displayName, String token) {
    @Override
    public String toString() {
        return "CentralSession[" + username + "]";
    }
}
