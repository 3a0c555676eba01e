package org.lightbox.settings;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks which MRRT template file to import. Injected into the Reports tab so that tests answer in
 * place of the platform's file dialog, which no robot can drive.
 */
@FunctionalInterface
public interface TemplateFileChooser {
    Optional<Path> choose(Window owner);

    /** The platform's own dialog. */
    static TemplateFileChooser platform() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Import a report template");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("MRRT templates (HTML)", "*.html", "*.htm", "*.xhtml"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
