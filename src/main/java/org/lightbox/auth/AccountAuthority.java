package org.lightbox.auth;

import java.util.Optional;

/**
 * Who keeps the accounts. Standalone, this workstation does; with a central store configured, the
 * central store does, and the local users table is only its cache, so a local edit would be
 * overwritten by the next sign-in or pull.
 */
@FunctionalInterface
public interface AccountAuthority {
    AccountAuthority LOCAL = Optional::empty;

    /** The central store's address when it keeps the accounts; empty when this workstation does. */
    Optional<String> centralStore();
}
