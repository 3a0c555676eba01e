package org.lightbox.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lightbox.dicom.DicomDirReader;
import org.lightbox.dicom.DicomReadException;

/**
 * Turns what the user pointed at into the files to read: a file as it is, a folder with everything
 * below it, a DICOMDIR as the files it lists (PS3.10 8: media are read through their DICOMDIR).
 * A DICOMDIR met inside a folder is not imported, since the walk finds its files anyway; but one that
 * is empty or broken says the medium is incomplete, so it is rejected with its reason like a bad file.
 */
final class SourceFiles {

    /** The files to read, and the sources that could not even be listed. */
    record Expanded(List<Path> files, List<HeaderReads.Rejected> rejected) {
    }

    private final DicomDirReader dicomDirs;

    SourceFiles(DicomDirReader dicomDirs) {
        this.dicomDirs = dicomDirs;
    }

    Expanded expand(List<Path> sources) {
        Set<Path> files = new LinkedHashSet<>();
        List<HeaderReads.Rejected> rejected = new ArrayList<>();
        Set<Path> dicomDirsSeen = new HashSet<>();
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                walk(source, files, rejected, dicomDirsSeen);
            } else if (isDicomDir(source)) {
                if (dicomDirsSeen.add(source.toAbsolutePath().normalize())) {
                    listed(source, rejected).ifPresent(files::addAll);
                }
            } else {
                files.add(source);
            }
        }
        return new Expanded(List.copyOf(files), rejected);
    }

    /** The files a DICOMDIR lists; empty, and the DICOMDIR rejected with its reason, when it cannot say. */
    private Optional<List<Path>> listed(Path dicomDir, List<HeaderReads.Rejected> rejected) {
        try {
            return Optional.of(dicomDirs.referencedFiles(dicomDir));
        } catch (DicomReadException e) {
            rejected.add(unreadable(dicomDir, e));
            return Optional.empty();
        }
    }

    private static HeaderReads.Rejected unreadable(Path dicomDir, DicomReadException e) {
        return new HeaderReads.Rejected(dicomDir, new Rejection(dicomDir.toString(), e.reason().name(), e.problem()));
    }

    /** A DICOMDIR inside a folder: nothing to add if it lists files, an image if it is one misnamed, else rejected. */
    private void checkListing(Path dicomDir, Set<Path> files, List<HeaderReads.Rejected> rejected) {
        try {
            dicomDirs.referencedFiles(dicomDir);
        } catch (DicomReadException e) {
            if (e.reason() == DicomReadException.Reason.WRONG_KIND) {
                files.add(dicomDir); // an image named DICOMDIR: read it as the image it is
            } else {
                rejected.add(unreadable(dicomDir, e));
            }
        }
    }

    /**
     * Also with the ISO 9660 version suffix a CD may show. Asked of every file a walk finds, so most
     * names are ruled out by their length: upper-casing never shortens a name, and none of the
     * characters it lengthens becomes letters of DICOMDIR.
     */
    static boolean isDicomDir(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String text = name.toString();
        if (text.length() != 8 && text.length() != 10) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals("DICOMDIR") || upper.equals("DICOMDIR;1");
    }

    private void walk(Path folder, Set<Path> files, List<HeaderReads.Rejected> rejected, Set<Path> dicomDirsSeen) {
        // find() hands over the attributes the walk has read anyway: no second stat per file
        try (Stream<Path> tree = Files.find(folder, Integer.MAX_VALUE, (file, attributes) -> attributes.isRegularFile()
                || attributes.isSymbolicLink() && Files.isRegularFile(file))) {
            for (Path file : tree.sorted().toList()) {
                if (!isDicomDir(file)) {
                    files.add(file);
                } else if (dicomDirsSeen.add(file.toAbsolutePath().normalize())) {
                    checkListing(file, files, rejected);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            rejected.add(new HeaderReads.Rejected(folder, new Rejection(folder.toString(), "CANNOT_OPEN",
                    "the folder cannot be read completely (" + message + ")")));
        }
    }
}
