package org.lightbox.ingest;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user where to import from. Injected into the Scans screen so that tests answer in
 * place of the platform's file dialogs, which no robot can drive.
 */
public interface ImportSourceChooser {

    Optional<Path> folder(Window owner);

    Optional<Path> dicomDir(Window owner);

    Optional<Path> file(Window owner);

    /** The platform's own dialogs. */
    static ImportSourceChooser platform() {
        return new ImportSourceChooser() {
            @Override
            public Optional<Path> folder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Import a folder of DICOM images");
                return path(chooser.showDialog(owner));
            }

            @Override
            public Optional<Path> dicomDir(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import a CD or DVD: choose its DICOMDIR");
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("DICOMDIR", "DICOMDIR", "dicomdir"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return path(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> file(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import a DICOM file");
                return path(chooser.showOpenDialog(owner));
            }

            private Optional<Path> path(File chosen) {
                return Optional.ofNullable(chosen).map(File::toPath);
            }
        };
    }
}
