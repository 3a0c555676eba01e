package org.lightbox.app;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The workstation a command-line run works on: opened on first use from the {@code --data-dir} the
 * user gave (or the default folder), closed when the run ends.
 */
final class WorkstationSession implements AutoCloseable {
    private final Function<DataFolder, Workstation> opener;
    private Path dataDir;
    private Workstation workstation;

    WorkstationSession(Function<DataFolder, Workstation> opener) {
        this.opener = opener;
    }

    void dataDir(Path dir) {
        this.dataDir = dir;
    }

    DataFolder folder() {
        return dataDir == null ? DataFolder.defaultLocation() : new DataFolder(dataDir);
    }

    synchronized Workstation workstation() {
        if (workstation == null) {
            workstation = opener.apply(folder());
        }
        return workstation;
    }

    @Override
    public synchronized void close() {
        if (workstation != null) {
            workstation.close();
            workstation = null;
        }
    }
}
