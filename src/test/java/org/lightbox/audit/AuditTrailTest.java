package org.lightbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.domain.Actor;
import org.lightbox.store.Sql;
import org.lightbox.store.StoreException;
import org.lightbox.testing.Scenario;

class AuditTrailTest {
    private enum TestAction implements AuditAction {
        VIEWED;

        @Override
        public String code() {
            return "test.viewed";
        }
    }

    @TempDir
    Path dir;
    private Scenario scenario;
    private Actor admin;

    @BeforeEach
    void openWorkstation() {
        scenario = new Scenario(dir);
        admin = scenario.admin();
    }

    @AfterEach
    void close() {
        scenario.close();
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            scenario.workstation.database().update(tx -> scenario.workstation.audit()
                    .append(tx, admin, TestAction.VIEWED, "ImagingRequest", "r" + k, Map.of("n", k)));
        }
    }

    @Test
    void eachEventCarriesTheHashOfTheOneBeforeIt() {
        append(3);
        var events = scenario.workstation.auditTrail().page(0);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
            assertThat(events.get(i).seq()).isEqualTo(events.get(i - 1).seq() + 1);
        }
        assertThat(events.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(scenario.workstation.auditTrail().verify().isIntact()).isTrue();
    }

    @Test
    void everyEventIsQueuedForTheCentralStoreInTheSameTransaction() {
        long before = scenario.workstation.outbox().waiting();
        append(2);
        assertThat(scenario.workstation.outbox().waiting()).isEqualTo(before + 2);
        assertThatThrownBy(() -> scenario.workstation.database().update(tx -> {
            scenario.workstation.audit().append(tx, admin, TestAction.VIEWED, "ImagingRequest", "x", Map.of());
            throw new IllegalStateException("the action itself failed");
        })).hasMessage("the action itself failed");
        assertThat(scenario.workstation.outbox().waiting()).isEqualTo(before + 2);
        assertThat(scenario.workstation.auditTrail().verify().isIntact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEvent() {
        append(1);
        assertThatThrownBy(() -> scenario.workstation.database().update(c ->
                Sql.update(c, "UPDATE audit_event SET action = 'nothing.happened'")))
                .isInstanceOf(StoreException.class).hasMessageContaining("audit events are append-only");
        assertThatThrownBy(() -> scenario.workstation.database().update(c -> Sql.update(c, "DELETE FROM audit_event")))
                .hasMessageContaining("audit events cannot be deleted");
    }

    @Test
    void anEventChangedBehindTheAppsBackIsNamedAsTheFirstBrokenLink() throws Exception {
        append(5);
        long target = scenario.workstation.auditTrail().page(0).get(3).seq();
        tamper("UPDATE audit_event SET details = '{\"n\":99}' WHERE seq = " + target);
        ChainCheck check = scenario.workstation.auditTrail().verify();
        assertThat(check.isIntact()).isFalse();
        assertThat(check.firstBrokenSeq()).isEqualTo(target);
        assertThat(check.problem()).contains("was changed after it was written");
        assertThat(check.eventsChecked()).isEqualTo(target - 1);
    }

    @Test
    void aDeletedEventShowsAsAGap() throws Exception {
        append(5);
        long target = scenario.workstation.auditTrail().page(0).get(2).seq();
        tamper("DELETE FROM audit_event WHERE seq = " + target);
        ChainCheck check = scenario.workstation.auditTrail().verify();
        assertThat(check.firstBrokenSeq()).isEqualTo(target + 1);
        assertThat(check.problem()).isEqualTo("events " + target + " are missing");
    }

    @Test
    void aRehashedForgeryStillBreaksTheLinkToTheNextEvent() throws Exception {
        append(4);
        AuditEvent second = scenario.workstation.auditTrail().page(0).get(1);
        AuditEvent forged = new AuditEvent(second.seq(), second.id(), second.workstation(), second.occurredAt(), second.actorId(),
                second.actorName(), "test.nothing", second.targetClass(), second.targetId(), second.details(), second.prevHash(), "");
        String forgedHash = AuditChain.hash(forged);
        tamper("UPDATE audit_event SET action = 'test.nothing', hash = '" + forgedHash + "' WHERE seq = " + second.seq());
        ChainCheck check = scenario.workstation.auditTrail().verify();
        assertThat(check.firstBrokenSeq()).isEqualTo(second.seq() + 1);
        assertThat(check.problem()).contains("previous-hash mismatch");
    }

    /** What someone with the sqlite3 shell could do: drop the guard triggers, then edit rows. */
    private void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lightbox.db")); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TRIGGER audit_event_is_append_only");
            s.executeUpdate("DROP TRIGGER audit_event_is_kept");
            s.executeUpdate(sql);
        }
    }
}
