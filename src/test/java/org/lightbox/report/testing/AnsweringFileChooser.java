package org.lightbox.report.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.lightbox.report.ReportFileChooser;

/** Answers the report pane's file questions as a test tells it to, and remembers the names it suggested. */
public final class AnsweringFileChooser implements ReportFileChooser {
    public Path template;
    public Path pdf;
    public final List<String> suggestedNames = new ArrayList<>();

    @Override
    public Optional<Path> templateToImport(Window owner) {
        return Optional.ofNullable(template);
    }

    @Override
    public Optional<Path> pdfTarget(Window owner, String suggestedName) {
        suggestedNames.add(suggestedName);
        return Optional.ofNullable(pdf);
    }
}
