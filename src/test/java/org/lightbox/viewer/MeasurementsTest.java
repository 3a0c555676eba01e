package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.audit.AuditEvent;
import org.lightbox.domain.Actor;
import org.lightbox.domain.PermissionDeniedException;
import org.lightbox.domain.Role;
import org.lightbox.testing.Scenario;

class MeasurementsTest {
    @TempDir
    Path dir;

    @Test
    void aMeasurementIsKeptPerStudyAcrossRestartsAndItsAddingAndDeletingAreAudited() {
        FrameKey frame = new FrameKey("1.2.3.4", 0);
        Measurement saved;
        try (Scenario scenario = new Scenario(dir)) {
            Actor reader = scenario.user("grace");
            saved = scenario.workstation.viewer().measurements().add(reader, "1.2.3", "1.2.3.1", frame,
                    MeasurementKind.DISTANCE, 10, 20, 30, 40, "12.5 mm");
            assertThat(scenario.workstation.auditTrail().latest(3)).extracting(AuditEvent::action)
                    .contains("measurement.added");
        }
        try (Scenario reopened = new Scenario(dir)) {
            Measurements measurements = reopened.workstation.viewer().measurements();
            assertThat(measurements.forStudy("1.2.3")).singleElement().satisfies(m -> {
                assertThat(m.isOn(frame)).isTrue();
                assertThat(m.result()).isEqualTo("12.5 mm");
                assertThat(m.x2()).isEqualTo(30);
            });
            assertThat(measurements.forStudy("9.9.9")).isEmpty();
            Actor reader = reopened.workstation.users().findByUsername("grace").orElseThrow().asActor();
            measurements.delete(reader, saved);
            assertThat(measurements.forStudy("1.2.3")).isEmpty();
            assertThat(reopened.workstation.auditTrail().latest(3)).extracting(AuditEvent::action)
                    .contains("measurement.deleted");
        }
    }

    @Test
    void someoneWhoMayNotReadImagesCannotMeasure() {
        try (Scenario scenario = new Scenario(dir)) {
            Actor scheduler = scenario.user("sam", Role.SCHEDULER);
            assertThatThrownBy(() -> scenario.workstation.viewer().measurements().add(scheduler, "1.2.3", "1.2.3.1",
                    new FrameKey("1.2.3.4", 0), MeasurementKind.DISTANCE, 0, 0, 1, 1, "1.0 pixels"))
                    .isInstanceOf(PermissionDeniedException.class);
        }
    }
}
