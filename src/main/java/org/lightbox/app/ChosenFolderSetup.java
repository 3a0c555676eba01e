package org.lightbox.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.ValidationException;
import org.lightbox.setup.SetupAssistantViewModel;
import org.lightbox.setup.SetupForm;
import org.lightbox.setup.WorkstationSetup;

/**
 * Finish in the first-run assistant: checks the data folder with every other answer, opens the
 * workstation there (closing the one on the default folder if that was another), sets it up in one
 * call, then remembers the folder for the next start and starts the log there.
 */
final class ChosenFolderSetup implements SetupAssistantViewModel.Setup {
    private final WorkstationSession session;
    private final Consumer<DataFolder> logs;

    ChosenFolderSetup(WorkstationSession session, Consumer<DataFolder> logs) {
        this.session = session;
        this.logs = logs;
    }

    @Override
    public void complete(SetupForm form) {
        List<FieldError> errors = new ArrayList<>();
        DataFolder folder = checkedFolder(form.dataFolder(), errors);
        try {
            WorkstationSetup.check(form);
        } catch (ValidationException invalid) {
            errors.addAll(invalid.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        session.switchTo(folder).setup().complete(form);
        session.rememberFolder();
        logs.accept(folder);
    }

    /** The folder typed: a full path ("~/" is the home folder) to a folder Lightbox may create or write in. */
    private static DataFolder checkedFolder(String typed, List<FieldError> errors) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return reject(errors, "Choose the data folder");
        }
        Path path;
        try {
            path = text.equals("~") || text.startsWith("~/")
                    ? Path.of(System.getProperty("user.home")).resolve(text.substring(Math.min(2, text.length())))
                    : Path.of(text);
        } catch (InvalidPathException e) {
            return reject(errors, "This is not a folder path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            return reject(errors, "Give the full path of the folder, e.g. " + DataFolder.defaultLocation().root());
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            return reject(errors, "This is a file, not a folder");
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return reject(errors, Files.exists(path) ? "Lightbox may not write in this folder" : "Lightbox may not create this folder");
        }
        return new DataFolder(path);
    }

    private static DataFolder reject(List<FieldError> errors, String message) {
        errors.add(new FieldError(SetupForm.DATA_FOLDER, message));
        return null;
    }
}
