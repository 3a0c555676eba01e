package org.lightbox.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.lightbox.auth.UserDirectory;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Role;
import org.lightbox.store.StoreException;

/**
 * First start on an empty data folder: accounts for an administrator, a radiologist and a
 * technologist with generated passwords, shown once on the terminal and kept in a file only the
 * user can read, so that a newcomer can sign in at once.
 */
final class FirstRun {
    /** No 0/O, 1/l/I: the passwords are read off a terminal and typed by hand. */
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int PASSWORD_LENGTH = 16;

    private final UserDirectory users;
    private final DataFolder folder;
    private final PrintStream terminal;
    private final SecureRandom random = new SecureRandom();

    FirstRun(UserDirectory users, DataFolder folder, PrintStream terminal) {
        this.users = users;
        this.folder = folder;
        this.terminal = terminal;
    }

    /** Creates the first accounts if there are none; returns whether it did. */
    boolean createAccountsIfNone() {
        if (!users.isEmpty()) {
            return false;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        create(passwords, "admin", "Administrator", EnumSet.of(Role.ADMIN));
        create(passwords, "radiologist", "Dr. Grace Okafor", EnumSet.of(Role.RADIOLOGIST));
        create(passwords, "technologist", "Sam Rivera", EnumSet.of(Role.TECHNOLOGIST));
        writePasswordFile(passwords);
        terminal.println("Lightbox: first start in " + folder.root() + ". Accounts created:");
        passwords.forEach((user, password) -> terminal.printf("  %-13s %s%n", user, password));
        terminal.println("These passwords are shown once; they are also in " + folder.initialPasswords()
                + " (readable only by you). Change them after signing in.");
        return true;
    }

    private void create(Map<String, String> passwords, String username, String displayName, Set<Role> roles) {
        char[] password = newPassword();
        users.create(Actor.SYSTEM, username, displayName, roles, password);
        passwords.put(username, new String(password));
    }

    private char[] newPassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return password;
    }

    private void writePasswordFile(Map<String, String> passwords) {
        StringBuilder text = new StringBuilder("# Lightbox first-start accounts. Change these passwords, then delete this file.\n");
        passwords.forEach((user, password) -> text.append(user).append(' ').append(password).append('\n'));
        Path file = folder.initialPasswords();
        try {
            Files.deleteIfExists(file);
            // Created with owner-only permissions from the start: never world-readable, not even briefly.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
