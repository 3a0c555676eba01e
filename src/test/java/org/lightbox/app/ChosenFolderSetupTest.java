package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.ValidationException;
import org.lightbox.setup.SetupForm;
import org.lightbox.testing.MutableClock;

/** Where the assistant sets the workstation up, and which folder the next start opens. */
class ChosenFolderSetupTest {
    private static final String PASSWORD = "film-viewer-42";

    @TempDir
    Path dir;
    private final List<DataFolder> logFolders = new ArrayList<>();

    private RememberedDataFolder remembered() {
        return new RememberedDataFolder(dir.resolve("config/lightbox/lightbox.properties"), new DataFolder(dir.resolve("default")));
    }

    private WorkstationSession session() {
        return new WorkstationSession(f -> Workstation.open(f, MutableClock.morning(), new PasswordHasher(1_000)), remembered());
    }

    private static SetupForm form(String folder) {
        return new SetupForm(folder, "READROOM1", "11112", "", "", "St. Anne's Hospital", "chen", "Dr. Mei Chen",
                PASSWORD.toCharArray(), PASSWORD.toCharArray());
    }

    @Test
    void anotherFolderIsSetUpRememberedAndOpenedAtTheNextStartWhileTheDefaultStaysEmpty() {
        Path chosen = dir.resolve("reading room/lightbox");
        try (WorkstationSession session = session()) {
            assertThat(session.isSetUp()).isFalse();
            new ChosenFolderSetup(session, logFolders::add).complete(form(chosen.toString()));
            assertThat(session.workstation().folder().root()).isEqualTo(chosen);
        }
        assertThat(chosen.resolve("lightbox.db")).exists();
        assertThat(dir.resolve("default")).doesNotExist();
        assertThat(logFolders).containsExactly(new DataFolder(chosen));
        try (WorkstationSession next = session()) {
            assertThat(next.folder().root()).isEqualTo(chosen);
            assertThat(next.isSetUp()).isTrue();
            assertThat(next.workstation().authenticator().signIn("chen", PASSWORD.toCharArray()).displayName()).isEqualTo("Dr. Mei Chen");
        }
    }

    @Test
    void dataDirWinsOverTheRememberedFolderAndIsNotRememberedItself() {
        try (WorkstationSession session = session()) {
            new ChosenFolderSetup(session, logFolders::add).complete(form(dir.resolve("remembered").toString()));
        }
        try (WorkstationSession session = session()) {
            session.dataDir(dir.resolve("given"));
            assertThat(session.folderFromCommandLine()).isTrue();
            new ChosenFolderSetup(session, logFolders::add).complete(form(dir.resolve("given").toString()));
        }
        try (WorkstationSession next = session()) {
            assertThat(next.folder().root()).isEqualTo(dir.resolve("remembered"));
        }
    }

    @Test
    void aFolderThatIsNoFullPathOrIsAFileIsRefusedWithTheOtherFields() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a folder");
        try (WorkstationSession session = session()) {
            ChosenFolderSetup setup = new ChosenFolderSetup(session, logFolders::add);
            SetupForm relative = form("lightbox-data");
            SetupForm badPort = new SetupForm(relative.dataFolder(), "LB", "70000", "", "", "St. Anne's", "chen", "Chen",
                    PASSWORD.toCharArray(), PASSWORD.toCharArray());
            assertThatThrownBy(() -> setup.complete(badPort)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(SetupForm.DATA_FOLDER, SetupForm.PORT));
            assertThatThrownBy(() -> setup.complete(form(dir.resolve("notes.txt").toString())))
                    .hasMessageContaining("This is a file, not a folder");
            assertThat(session.isSetUp()).isFalse();
        }
        assertThat(dir.resolve("config")).doesNotExist();
        assertThat(dir.resolve("default")).doesNotExist();
    }

    @Test
    void anUnreadablePointerOpensTheDefaultFolder() throws Exception {
        Files.createDirectories(dir.resolve("config/lightbox"));
        Files.writeString(dir.resolve("config/lightbox/lightbox.properties"), "dataFolder=\0bad\n");
        assertThat(remembered().folder().root()).isEqualTo(dir.resolve("default"));
    }
}
