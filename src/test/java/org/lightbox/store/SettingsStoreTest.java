package org.lightbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    record DueTimes(int stat, int routine) {
    }

    @TempDir
    Path dir;

    @Test
    void aFeatureReadsBackTheRecordItWroteAndItsDefaultBefore() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            SettingsStore settings = new SettingsStore(db, new ObjectMapper());
            assertThat(settings.read("worklist.due", DueTimes.class, new DueTimes(60, 1440))).isEqualTo(new DueTimes(60, 1440));
            settings.write("worklist.due", new DueTimes(30, 720));
            assertThat(settings.read("worklist.due", DueTimes.class, null)).isEqualTo(new DueTimes(30, 720));
        }
    }

    @Test
    void anUnreadableSettingIsNamedWithWhatToDo() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            db.update(c -> Sql.update(c, "INSERT INTO setting(key, value) VALUES ('worklist.due', '{broken')"));
            SettingsStore settings = new SettingsStore(db, new ObjectMapper());
            assertThatThrownBy(() -> settings.read("worklist.due", DueTimes.class, null))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Setting worklist.due is unreadable");
        }
    }
}
