package org.lightbox.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.lightbox.dicom.DicomDirReader;
import org.lightbox.dicom.DicomReadException;

/**
 * Turns what the user pointed at into the files to read: a file as it is, a folder with everything
 * below it, a DICOMDIR as the files it lists (PS3.10 8: media are read through their DICOMDIR).
 * DICOMDIRs met inside a folder are skipped, since the walk finds their files anyway.
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
        for (Path source : sources) {
            if (Files.isDirectory(source)) {
                walk(source, files, rejected);
            } else if (isDicomDir(source)) {
                try {
                    files.addAll(dicomDirs.referencedFiles(source));
                } catch (DicomReadException e) {
                    rejected.add(new HeaderReads.Rejected(source, new Rejection(source.toString(), e.reason().name(),
                            e.problem())));
                }
            } else {
                files.add(source);
            }
        }
        return new Expanded(List.copyOf(files), rejected);
    }

    static boolean isDicomDir(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toUpperCase(Locale.ROOT).replaceFirst(";1$", "").equals("DICOMDIR");
    }

    private static void walk(Path folder, Set<Path> files, List<HeaderReads.Rejected> rejected) {
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.filter(Files::isRegularFile).filter(f -> !isDicomDir(f)).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
            String message = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            rejected.add(new HeaderReads.Rejected(folder, new Rejection(folder.toString(), "CANNOT_OPEN",
                    "the folder cannot be read completely (" + message + ")")));
        }
    }
}
