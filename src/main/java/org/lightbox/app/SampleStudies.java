package org.lightbox.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lightbox.domain.Actor;
import org.lightbox.ingest.DicomImporter;
import org.lightbox.ingest.ImportProgress;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.ingest.IngestOrigin;

/**
 * The synthetic demo studies of {@code sample-dicom/}, shipped inside the jar, brought in through
 * the real importer on first start: copied out of the jar (a zip file system) or the classes
 * folder into a temporary folder, imported as the system user, and the copy removed.
 */
final class SampleStudies {
    private static final String RESOURCE = "/sample-dicom";

    private SampleStudies() {
    }

    static ImportSummary importInto(DicomImporter importer) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("lightbox-sample-dicom");
            copyOut(temp);
            return importer.importPaths(Actor.SYSTEM, List.of(temp), IngestOrigin.IMPORT, "sample-dicom (demo data)",
                    ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the demo studies: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private static void copyOut(Path target) throws IOException {
        URL url = SampleStudies.class.getResource(RESOURCE);
        if (url == null) {
            throw new IOException("the demo studies are missing from the application (" + RESOURCE + ")");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (!"jar".equals(uri.getScheme())) {
            copyImages(Path.of(uri), target);
            return;
        }
        // A zip file system someone else opened stays open for them; one opened here is closed here.
        FileSystem jar;
        boolean openedHere;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            openedHere = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
            openedHere = false;
        }
        try {
            copyImages(jar.getPath(RESOURCE), target);
        } finally {
            if (openedHere) {
                jar.close();
            }
        }
    }

    /** Only the images: the folder's README is documentation, not a file to quarantine. */
    private static void copyImages(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path file : tree.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
