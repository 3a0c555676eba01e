package org.lightbox.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.app.DataFolder;
import org.lightbox.app.Workstation;
import org.lightbox.audit.AuditEvent;
import org.lightbox.auth.PasswordHasher;
import org.lightbox.domain.Actor;
import org.lightbox.domain.FieldError;
import org.lightbox.domain.Role;
import org.lightbox.domain.ValidationException;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.report.InstitutionSettings;
import org.lightbox.testing.MutableClock;

class WorkstationSetupTest {
    static final String PASSWORD = "film-viewer-42";

    @TempDir
    Path dir;
    private Workstation workstation;

    @BeforeEach
    void open() {
        workstation = Workstation.open(new DataFolder(dir), MutableClock.morning(), new PasswordHasher(1_000));
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    static SetupForm form(String aeTitle, String port, String url, String appId, String password, String again) {
        return new SetupForm("", aeTitle, port, url, appId, "St. Anne's Hospital, Radiology", "chen", "Dr. Mei Chen",
                password.toCharArray(), again.toCharArray());
    }

    static SetupForm good() {
        return form("READROOM1", "11113", "https://store.example/parse/", "lightbox-prod", PASSWORD, PASSWORD);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void oneCallCreatesTheAdministratorAndStoresEverySettingWithItsAuditEvents() {
        workstation.setup().complete(good());

        assertThat(workstation.authenticator().signIn("chen", PASSWORD.toCharArray()).roles()).containsExactly(Role.ADMIN);
        assertThat(workstation.settings().read(StorageScpSettings.KEY, StorageScpSettings.class, null))
                .isEqualTo(new StorageScpSettings("READROOM1", 11113));
        assertThat(workstation.settings().read(InstitutionSettings.KEY, InstitutionSettings.class, null).name())
                .isEqualTo("St. Anne's Hospital, Radiology");
        assertThat(workstation.sync().settings()).hasValueSatisfying(store -> {
            assertThat(store.url()).isEqualTo("https://store.example/parse");
            assertThat(store.applicationId()).isEqualTo("lightbox-prod");
        });
        assertThat(workstation.auditTrail().latest(10)).extracting(AuditEvent::action)
                .contains("user.created", "sync.central_store_configured", "workstation.set_up");
        assertThat(workstation.auditTrail().verify().isIntact()).isTrue();
    }

    @Test
    void withoutACentralStoreTheWorkstationIsStandalone() {
        workstation.setup().complete(form("READROOM1", "11112", " ", "", PASSWORD, PASSWORD));
        assertThat(workstation.sync().settings()).isEmpty();
        assertThat(workstation.users().all()).hasSize(1);
    }

    @Test
    void everyBadAnswerIsNamedAtOnceAndNothingIsCreated() {
        assertThatThrownBy(() -> workstation.setup().complete(form("READING-ROOM-NUMBER-1", "0", "ftp://store.example", "x",
                PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactlyInAnyOrder(SetupForm.AE_TITLE, SetupForm.PORT, SetupForm.CENTRAL_STORE_URL);
                    assertThat(e.errors().get(0).message()).isEqualTo("An AE title has at most 16 characters; this one has 21");
                });
        assertThat(workstation.users().isEmpty()).isTrue();
        assertThat(workstation.settings().read(StorageScpSettings.KEY, StorageScpSettings.class, null)).isNull();
        assertThat(workstation.sync().settings()).isEmpty();
    }

    @Test
    void aWeakPasswordOrOneTypedDifferentlyTheSecondTimeIsRefused() {
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "", "short1", "short1")))
                .hasMessageContaining("Password must have at least 10 characters");
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "", "abababababab", "abababababab")))
                .hasMessageContaining("at least 5 different characters");
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "", "password123", "password123")))
                .hasMessageContaining("among the first ones guessed");
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "", "chen-2024-chen", "chen-2024-chen")))
                .hasMessageContaining("must not contain the username");
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "", PASSWORD, PASSWORD + "!")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly(SetupForm.PASSWORD_AGAIN));
        assertThat(workstation.users().isEmpty()).isTrue();
    }

    @Test
    void aCentralStoreWithoutItsApplicationIdIsRefusedOnTheMissingField() {
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "https://store.example/parse", "", PASSWORD,
                PASSWORD))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly(SetupForm.APPLICATION_ID));
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "", "lightbox-prod", PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly(SetupForm.CENTRAL_STORE_URL));
        assertThatThrownBy(() -> workstation.setup().complete(form("LB", "104", "https://", "lightbox-prod", PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(fields(e)).containsExactly(SetupForm.CENTRAL_STORE_URL));
    }

    @Test
    void aWorkstationThatHasAccountsIsNeverSetUpAgain() {
        workstation.users().create(Actor.SYSTEM, "admin", "Administrator", EnumSet.of(Role.ADMIN), "an old password".toCharArray());
        assertThatThrownBy(() -> workstation.setup().complete(good()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactly(SetupForm.DATA_FOLDER);
                    assertThat(e.getMessage()).contains("already holds a workstation with accounts");
                });
        assertThat(workstation.users().all()).hasSize(1);
        assertThat(workstation.sync().settings()).isEmpty();
    }
}
