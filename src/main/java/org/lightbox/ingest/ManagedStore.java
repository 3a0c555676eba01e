package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's own copy of every indexed image, laid out by UIDs:
 * {@code <StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm} under the store root. The
 * viewer reads from here, so a CD can be ejected and a source folder deleted once imported.
 */
public final class ManagedStore {
    private static final Logger log = LoggerFactory.getLogger(ManagedStore.class);

    /** Copies on their way in; a leftover after a crash is garbage, never indexed. */
    private static final String STAGING = ".staging";

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
     * Copies {@code source} into the store's staging folder, on the same file system as its final
     * place. Copies are made in parallel while headers are read; indexing then only renames them.
     */
    Path stage(Path source) throws IOException {
        Path staging = root.resolve(STAGING);
        Files.createDirectories(staging);
        Path staged = Files.createTempFile(staging, "instance-", ".part");
        Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
        return staged;
    }

    /** Moves a staged copy to its place; a reader never sees a half-written file there. */
    void place(Path staged, Path relative) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The import cannot go on: the data folder, not the file, is the problem. */
    StoreException cannotCopy(Path source, IOException e) {
        return new StoreException("Cannot copy " + source + " into the image store " + root + ": " + why(e), e);
    }

    /** Java's messages for these name only the path; say what is wrong with it. */
    static String why(IOException e) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return e.getMessage() + " is a file where a folder must be";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied on " + e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Removes a staged copy that was not needed (a duplicate) or whose batch failed. */
    void discardStaged(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            log.warn("Could not remove the staged copy {}: {}", staged, e.getMessage());
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
