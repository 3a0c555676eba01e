package org.lightbox.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.lightbox.store.StoreException;

/**
 * The workstation's data folder: its database, the managed DICOM store, quarantined files, logs and
 * the first-run password file. One folder per workstation; back it up as a whole.
 */
public record DataFolder(Path root) {
    public DataFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The default under the user's home: XDG on Linux, the usual application folders elsewhere. */
    public static DataFolder defaultLocation() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return new DataFolder((appData == null ? home.resolve("AppData/Local") : Path.of(appData)).resolve("Lightbox"));
        }
        if (os.contains("mac")) {
            return new DataFolder(home.resolve("Library/Application Support/Lightbox"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return new DataFolder((xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("lightbox"));
    }

    /**
     * Creates the folder if it is not there yet, readable only by its owner: it holds patient data and
     * password hashes. A folder that already exists is the user's choice and keeps its permissions.
     */
    public DataFolder createIfMissing() {
        if (Files.isDirectory(root)) {
            return this;
        }
        try {
            if (root.getParent() != null) {
                Files.createDirectories(root.getParent());
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(root);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + root + ": " + e.getMessage(), e);
        }
        return this;
    }

    public Path database() {
        return root.resolve("lightbox.db");
    }

    public Path initialPasswords() {
        return root.resolve("initial-passwords.txt");
    }

    public Path dicomStore() {
        return root.resolve("dicom");
    }

    /** Where the Storage SCP and PACS retrieves put files until they are indexed. */
    public Path incoming() {
        return root.resolve("incoming");
    }

    public Path quarantine() {
        return root.resolve("quarantine");
    }

    public Path logs() {
        return root.resolve("logs");
    }
}
