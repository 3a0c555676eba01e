package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.testing.MutableClock;

class DataFolderTest {
    @TempDir
    Path dir;

    @Test
    void aNewDataFolderIsReadableOnlyByItsOwner() throws Exception {
        Path folder = dir.resolve("users/okafor/lightbox");
        try (Workstation w = Workstation.open(new DataFolder(folder), MutableClock.morning(), new PasswordHasher(1_000))) {
            assertThat(w.folder().database()).exists();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aFolderTheUserAlreadyHasKeepsItsPermissions() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        new DataFolder(shared).createIfMissing();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-x---");
    }
}
