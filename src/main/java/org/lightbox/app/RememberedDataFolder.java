package org.lightbox.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.lightbox.store.StoreException;

/**
 * Which data folder this user's workstation uses, when the first-run assistant chose one other than
 * the default: a small properties file in the platform's configuration folder
 * ({@code $XDG_CONFIG_HOME/lightbox/} or {@code ~/.config/lightbox/} on Linux, {@code %APPDATA%\Lightbox\}
 * on Windows, {@code ~/Library/Preferences/Lightbox/} on macOS). The database itself cannot say where it
 * is, so the pointer lives outside it; {@code --data-dir} always wins over it.
 */
record RememberedDataFolder(Path file, DataFolder fallback) {
    private static final String KEY = "dataFolder";

    /** This user's pointer file, and the platform's default data folder when there is none. */
    static RememberedDataFolder ofThisUser() {
        return new RememberedDataFolder(configFolder().resolve("lightbox.properties"), DataFolder.defaultLocation());
    }

    private static Path configFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData/Roaming") : Path.of(appData)).resolve("Lightbox");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Preferences/Lightbox");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("lightbox");
    }

    /** The remembered folder, or the default; an unreadable pointer (a bad path, say) is treated as none: it only saves typing. */
    DataFolder folder() {
        if (!Files.isRegularFile(file)) {
            return fallback;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            String path = properties.getProperty(KEY, "").strip();
            return path.isEmpty() ? fallback : new DataFolder(Path.of(path));
        } catch (IOException | IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Remembers {@code folder} for the next start; the default folder is remembered by forgetting. */
    void remember(DataFolder folder) {
        try {
            if (folder.equals(fallback)) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Properties properties = new Properties();
            properties.setProperty(KEY, folder.root().toString());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                properties.store(out, "Lightbox: the data folder this workstation opens (--data-dir overrides it)");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot remember the data folder in " + file + ": " + e.getMessage()
                    + ". Start Lightbox with --data-dir " + folder.root() + " until this is fixed.", e);
        }
    }
}
