package org.lightbox.report;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user which template file to import and where to save a report's PDF. Injected into the
 * report pane so that tests answer in place of the platform's file dialogs, which no robot can drive.
 */
public interface ReportFileChooser {

    Optional<Path> templateToImport(Window owner);

    Optional<Path> pdfTarget(Window owner, String suggestedName);

    /** The platform's own dialogs. */
    static ReportFileChooser platform() {
        return new ReportFileChooser() {
            @Override
            public Optional<Path> templateToImport(Window owner) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import an MRRT report template");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MRRT templates (HTML)", "*.html", "*.htm", "*.xhtml"));
                return path(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> pdfTarget(Window owner, String suggestedName) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Save the signed report as PDF");
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
                return path(chooser.showSaveDialog(owner));
            }

            private Optional<Path> path(File chosen) {
                return Optional.ofNullable(chosen).map(File::toPath);
            }
        };
    }
}
