package org.lightbox.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.testing.MutableClock;
import org.lightbox.ui.CurrentThreadTaskExecutor;

class SetupAssistantViewModelTest {
    @TempDir
    Path dir;
    private Workstation workstation;
    private int finished;
    private int cancelled;

    @BeforeEach
    void open() {
        workstation = Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000));
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    private SetupAssistantViewModel assistant(boolean folderChangeable) {
        return new SetupAssistantViewModel(form -> workstation.setup().complete(form), new CurrentThreadTaskExecutor(), dir,
                folderChangeable, () -> finished++, () -> cancelled++);
    }

    private static void answerWell(SetupAssistantViewModel a) {
        a.institutionProperty().set("St. Anne's Hospital");
        a.passwordProperty().set(WorkstationSetupTest.PASSWORD);
        a.passwordAgainProperty().set(WorkstationSetupTest.PASSWORD);
    }

    @Test
    void itStartsFromTheFolderTheWindowOpenedAndTheUsualDicomPort() {
        SetupAssistantViewModel a = assistant(true);
        assertThat(a.dataFolderProperty().get()).isEqualTo(dir.toString());
        assertThat(a.aeTitleProperty().get()).isEqualTo("LIGHTBOX");
        assertThat(a.portProperty().get()).isEqualTo("11112");
        assertThat(a.adminUsernameProperty().get()).isEqualTo("admin");
        assertThat(a.folderNote()).contains("remembers this folder");
        assertThat(assistant(false).folderNote()).contains("--data-dir");
    }

    @Test
    void badAnswersAreShownBesideTheirFieldsAndNothingIsSetUp() {
        SetupAssistantViewModel a = assistant(true);
        answerWell(a);
        a.aeTitleProperty().set("READING-ROOM-NUMBER-1");
        a.portProperty().set("0");
        a.centralStoreUrlProperty().set("store.example/parse");
        a.applicationIdProperty().set("lightbox-prod");
        a.passwordAgainProperty().set("something else 1");
        a.finish();

        assertThat(a.errorFor(SetupForm.AE_TITLE).get()).isEqualTo("An AE title has at most 16 characters; this one has 21");
        assertThat(a.errorFor(SetupForm.PORT).get()).isEqualTo("The port is a number from 1 to 65535, not 0");
        assertThat(a.errorFor(SetupForm.CENTRAL_STORE_URL).get()).startsWith("The central store URL must start with http://");
        assertThat(a.errorFor(SetupForm.PASSWORD_AGAIN).get()).startsWith("The two passwords differ");
        assertThat(a.errorFor(SetupForm.INSTITUTION).get()).isEmpty();
        assertThat(a.messageProperty().get()).isEqualTo("4 fields need attention.");
        assertThat(finished).isZero();
        assertThat(workstation.users().isEmpty()).isTrue();

        a.aeTitleProperty().set("READROOM1");
        a.portProperty().set("11113");
        a.centralStoreUrlProperty().set("");
        a.applicationIdProperty().set("");
        a.passwordAgainProperty().set(WorkstationSetupTest.PASSWORD);
        a.finish();
        assertThat(a.hasErrors()).isFalse();
        assertThat(finished).isEqualTo(1);
        assertThat(a.passwordProperty().get()).as("the password is not kept once used").isEmpty();
        assertThat(workstation.authenticator().signIn("admin", WorkstationSetupTest.PASSWORD.toCharArray()).displayName())
                .isEqualTo("Administrator");
    }

    @Test
    void cancelLeavesWithoutSettingAnythingUp() {
        SetupAssistantViewModel a = assistant(true);
        answerWell(a);
        a.cancel();
        assertThat(cancelled).isEqualTo(1);
        assertThat(finished).isZero();
        assertThat(workstation.users().isEmpty()).isTrue();
    }
}
