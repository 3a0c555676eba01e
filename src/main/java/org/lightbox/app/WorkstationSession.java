package org.lightbox.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The workstation a command-line run works on: opened on first use from the {@code --data-dir} the
 * user gave, else the folder the first-run assistant remembered, else the default folder; closed when
 * the run ends.
 */
final class WorkstationSession implements AutoCloseable {
    private final Function<DataFolder, Workstation> opener;
    private final RememberedDataFolder remembered;
    private Path dataDir;
    private DataFolder rememberedFolder;
    private DataFolder chosen;
    private Workstation workstation;

    WorkstationSession(Function<DataFolder, Workstation> opener) {
        this(opener, RememberedDataFolder.ofThisUser());
    }

    WorkstationSession(Function<DataFolder, Workstation> opener, RememberedDataFolder remembered) {
        this.opener = opener;
        this.remembered = remembered;
    }

    void dataDir(Path dir) {
        this.dataDir = dir;
    }

    /** Whether {@code --data-dir} named the folder: then the assistant neither offers another nor remembers it. */
    boolean folderFromCommandLine() {
        return dataDir != null;
    }

    synchronized DataFolder folder() {
        if (chosen != null) {
            return chosen;
        }
        if (dataDir != null) {
            return new DataFolder(dataDir);
        }
        if (rememberedFolder == null) {
            rememberedFolder = remembered.folder();
        }
        return rememberedFolder;
    }

    synchronized Workstation workstation() {
        if (workstation == null) {
            workstation = opener.apply(folder());
        }
        return workstation;
    }

    /** Whether the folder holds a workstation with accounts; a folder without a database is not opened to find out. */
    synchronized boolean isSetUp() {
        return (workstation != null || Files.exists(folder().database())) && !workstation().users().isEmpty();
    }

    /** The workstation on the folder the first-run assistant chose; the one opened so far is closed if it is another. */
    synchronized Workstation switchTo(DataFolder folder) {
        if (!folder.equals(folder())) {
            close();
            chosen = folder;
        }
        return workstation();
    }

    /** Once the folder is set up: the next start opens it too, unless the command line named it. */
    synchronized void rememberFolder() {
        if (!folderFromCommandLine()) {
            remembered.remember(folder());
        }
    }

    @Override
    public synchronized void close() {
        if (workstation != null) {
            workstation.close();
            workstation = null;
        }
    }
}
