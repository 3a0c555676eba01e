package org.lightbox.report;

import java.nio.file.Path;
import java.time.Clock;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.report.testing.ThreadedTaskExecutor;

/**
 * The child process of {@link DraftCrashTest}: a radiologist typing findings into the real editor
 * ViewModel, with its real autosave, until the test kills the process. Prints "typed N NANOS" after
 * each keystroke so the test knows what was typed when.
 */
public final class DraftTypist {
    static final String TEXT = "The lungs are clear. No pleural effusion. Heart size is normal. ";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String requestId = args[1];
        Workstation workstation = Workstation.open(new DataFolder(dir), Clock.systemUTC(), new PasswordHasher(1_000));
        Actor radiologist = workstation.users().findByUsername(args[2]).orElseThrow().asActor();
        ThreadedTaskExecutor tasks = new ThreadedTaskExecutor();
        ReportEditorViewModel editor = tasks.onUi(() -> new ReportEditorViewModel(workstation.reporting(), workstation.templates(),
                workstation.macros(), workstation.readingLocks(), workstation.reportDocuments(), tasks, workstation.clock(),
                radiologist));
        var details = workstation.requests().open(radiologist, requestId);
        tasks.onUi(() -> {
            editor.open(details);
            return true;
        });
        while (!tasks.onUi(() -> editor.editableProperty().get())) {
            Thread.onSpinWait();
        }
        System.out.println("ready");
        System.out.flush();
        for (int n = 1; ; n++) {
            char next = TEXT.charAt((n - 1) % TEXT.length());
            tasks.onUi(() -> {
                var findings = editor.sectionProperty(ReportSection.FINDINGS);
                findings.set(findings.get() + next);
                return true;
            });
            System.out.println("typed " + n + " " + System.nanoTime());
            System.out.flush();
            Thread.sleep(15); // a fast typist; the test kills this process mid-word
        }
    }
}
