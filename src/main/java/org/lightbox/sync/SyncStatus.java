package org.lightbox.sync;

import java.time.Instant;

/**
 * Where sync stands, for the status bar: the connection, what is waiting or refused, the last success,
 * conflicts to review, and pulled changes parked because they could not be applied here yet.
 */
public record SyncStatus(Connection connection, long waiting, long refused, Instant lastSuccess, String problem,
        Instant nextAttempt, long conflicts, long parked) {

    /** The workstation's relation to its central store right now. */
    public enum Connection {
        STANDALONE("Standalone: no central store configured"),
        NOT_SIGNED_IN("Central store: not signed in"),
        SYNCING("Online: syncing"),
        ONLINE("Online"),
        OFFLINE("Offline"),
        /** The server answered, but with an error (5xx) or something that is not its JSON: retried. */
        SERVER_ERROR("Central store error"),
        /** The server refused a whole request for a reason retrying unchanged will not fix; tried again later. */
        REFUSED("Central store refused the sync"),
        /** This workstation failed during the cycle (its own store, a bug): tried again later. */
        FAILED("Sync failed on this workstation"),
        SESSION_EXPIRED("Session on the central store expired: unlock to resume sync"),
        MISCONFIGURED("Central store refused this workstation: check its settings");

        private final String label;

        Connection(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isOnline() {
            return this == ONLINE || this == SYNCING;
        }
    }

    public static SyncStatus standalone(long waiting) {
        return new SyncStatus(Connection.STANDALONE, waiting, 0, null, null, null, 0, 0);
    }

    SyncStatus with(Connection newConnection, String newProblem, Instant newNextAttempt) {
        return new SyncStatus(newConnection, waiting, refused, lastSuccess, newProblem, newNextAttempt, conflicts, parked);
    }
}
