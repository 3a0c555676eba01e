package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lightbox.dicom.DicomHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's own copy of every indexed image, laid out by UIDs:
 * {@code <StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm} under the store root. The
 * viewer reads from here, so a CD can be ejected and a source folder deleted once imported.
 */
public final class ManagedStore {
    private static final Logger log = LoggerFactory.getLogger(ManagedStore.class);

    private final Path root;

    public ManagedStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Where an instance lives, relative to the root; its UIDs must have passed {@link DicomUids#isValid}. */
    static Path relativePath(DicomHeader header) {
        return Path.of(header.study().instanceUid(), header.series().instanceUid(),
                header.instance().sopInstanceUid() + ".dcm");
    }

    /**
     * Copies {@code source} to its place; a reader never sees a half-written file because the copy is
     * written beside it and then renamed into place.
     */
    void copyIn(Path source, Path relative) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a copy whose index rows were rolled back; a leftover file is harmless, so failure is only logged. */
    void discard(Path relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
        } catch (IOException e) {
            log.warn("Could not remove {} after a failed import: {}", relative, e.getMessage());
        }
    }
}
