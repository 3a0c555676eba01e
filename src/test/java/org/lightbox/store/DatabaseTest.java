package org.lightbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheWholeSchemaInWalModeWithForeignKeysOn() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            assertThat(strings(db, "PRAGMA journal_mode")).containsExactly("wal");
            assertThat(strings(db, "PRAGMA foreign_keys")).containsExactly("1");
            assertThat(strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains("patient", "imaging_center", "modality", "imaging_request", "dicom_study", "dicom_series",
                            "dicom_instance", "report", "report_version", "worklist_item", "app_user", "user_role",
                            "audit_event", "outbox", "setting");
        }
    }

    @Test
    void migrationsAreAppliedOnceAndRecorded() {
        Path file = dir.resolve("lightbox.db");
        Database.open(file).close();
        try (Database db = Database.open(file)) {
            assertThat(strings(db, "SELECT version FROM schema_migration")).startsWith("1").doesNotHaveDuplicates();
        }
    }

    @Test
    void aWriteThatThrowsLeavesNothingBehind() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            assertThatThrownBy(() -> db.update(c -> {
                Sql.update(c, "INSERT INTO setting(key, value) VALUES ('a', '1')");
                throw new IllegalStateException("crash in the middle");
            })).hasMessage("crash in the middle");
            assertThat(count(db, "SELECT count(*) FROM setting WHERE key = 'a'")).isZero();
        }
    }

    @Test
    void aWriteInsideAWriteJoinsItsTransaction() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            assertThatThrownBy(() -> db.update(outer -> {
                db.update(inner -> Sql.update(inner, "INSERT INTO setting(key, value) VALUES ('inner', '1')"));
                assertThat(count(db, "SELECT count(*) FROM setting WHERE key = 'inner'")).isEqualTo(1);
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");
            assertThat(count(db, "SELECT count(*) FROM setting")).isZero();
        }
    }

    @Test
    void aStatementRunAgainInOneTransactionTakesItsNewValues() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            List<String> read = db.write(c -> {
                List<String> values = new ArrayList<>();
                for (String key : List.of("a", "b", "c")) {
                    Sql.update(c, "INSERT INTO setting(key, value) VALUES (?, ?)", key, key + "-value");
                    values.add(Sql.one(c, "SELECT value FROM setting WHERE key = ?", r -> r.getString(1), key).orElseThrow());
                }
                // the same lookup with a key that has no row finds none, not the previous row
                assertThat(Sql.one(c, "SELECT value FROM setting WHERE key = ?", r -> r.getString(1), "z")).isEmpty();
                return values;
            });
            assertThat(read).containsExactly("a-value", "b-value", "c-value");
        }
    }

    @Test
    void aQueryRunInsideTheRowsOfTheSameQueryReadsItsOwnRows() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            db.update(c -> Sql.update(c, "INSERT INTO setting(key, value) VALUES ('a', 'b'), ('b', 'c'), ('c', 'a')"));
            String sql = "SELECT key, value FROM setting WHERE key >= ? ORDER BY key";
            List<String> pairs = db.write(c -> Sql.list(c, sql, r -> r.getString(1) + ">"
                    + Sql.list(c, sql, inner -> inner.getString(1), r.getString(2)), "a"));
            assertThat(pairs).containsExactly("a>[b, c]", "b>[c]", "c>[a, b, c]");
        }
    }

    @Test
    void aStatementThatFailedInATransactionDoesNotSpoilItsNextRun() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            String insert = "INSERT INTO setting(key, value) VALUES (?, ?)";
            db.update(c -> {
                Sql.update(c, insert, "a", "1");
                assertThatThrownBy(() -> Sql.update(c, insert, "a", "2")).hasMessageContaining("UNIQUE");
                Sql.update(c, insert, "b", "3");
            });
            assertThat(strings(db, "SELECT key || '=' || value FROM setting ORDER BY key")).containsExactly("a=1", "b=3");
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            assertThatThrownBy(() -> db.update(c -> Sql.update(c,
                    "INSERT INTO user_role(user_id, role) VALUES ('nobody', 'admin')")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void writersOnManyThreadsAllLandWithoutBusyErrors() throws Exception {
        int threads = 8;
        int writesEach = 50;
        try (Database db = Database.open(dir.resolve("lightbox.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        String key = thread + "-" + i;
                        db.update(c -> Sql.update(c, "INSERT INTO setting(key, value) VALUES (?, '1')", key));
                        count(db, "SELECT count(*) FROM setting");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(count(db, "SELECT count(*) FROM setting")).isEqualTo(threads * writesEach);
        }
    }

    @Test
    void aSecondProcessWritingTheSameFileIsSeenThroughTheChangeStamp() {
        Path file = dir.resolve("lightbox.db");
        try (Database mine = Database.open(file); Database other = Database.open(file)) {
            long before = mine.changeStamp();
            other.update(c -> Sql.update(c, "INSERT INTO setting(key, value) VALUES ('x', '1')"));
            assertThat(mine.changeStamp()).isNotEqualTo(before);
            long after = mine.changeStamp();
            assertThat(mine.changeStamp()).isEqualTo(after);
        }
    }

    private static List<String> strings(Database db, String sql) {
        return db.read(c -> Sql.list(c, sql, r -> r.getString(1)));
    }

    private static long count(Database db, String sql) {
        return db.read(c -> Sql.count(c, sql));
    }

    @Test
    void triggerBodiesStayWholeWhenAScriptIsSplit() {
        List<String> statements = SqlScript.statements("""
                -- a comment
                CREATE TABLE t (a INTEGER);
                CREATE TRIGGER t_kept BEFORE DELETE ON t
                BEGIN
                    SELECT RAISE(ABORT, 'kept; always');
                END;
                INSERT INTO t VALUES (1);
                """);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("CREATE TRIGGER").endsWith("END;").contains("'kept; always'");
        assertThat(Collections.frequency(statements, "")).isZero();
    }
}
